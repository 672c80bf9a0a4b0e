package io.brokerbench.synthetic;

import static io.brokerbench.spi.SettingSpec.LONGEST_TIMER;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.time.Duration;
import java.util.List;

/** Provides {@code synthetic}: scripted delays, stalls and faults for known-answer tests. */
public final class SyntheticProvider implements TargetProvider {
  /**
   * A delay distribution as {@link DelayDistribution#parse} reads it, every duration in it at most
   * {@link SettingSpec#LONGEST_TIMER}.
   */
  private static final Form DELAY = Form.of(
      "fixed(d), d, uniform(a,b) or exponential(mean), each duration such as 2ms at most "
          + Range.format(SettingType.DURATION, LONGEST_TIMER.toNanos()),
      text -> {
        try {
          DelayDistribution.parse(text, LONGEST_TIMER);
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      });

  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public String description() {
    return "Scripted confirm/delivery delays, stalls and faults, to check the measurements against known answers.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.text("confirmDelay", "0ms", DELAY, "send → confirm delay"),
        SettingSpec.text("deliveryDelay", "0ms", DELAY, "send → delivery delay"),
        SettingSpec.integer("seed", "1", Long.MIN_VALUE, Long.MAX_VALUE, "seed of the delay samples"),
        SettingSpec.duration("stall.every", "0ms", Duration.ZERO, LONGEST_TIMER, "stall period; 0ms = no stalls"),
        SettingSpec.duration("stall.for", "0ms", Duration.ZERO, LONGEST_TIMER,
            "stall length, shorter than stall.every: nothing is confirmed or delivered in [k·every − for, k·every)"),
        SettingSpec.integer("dropEvery", "0", 0, Long.MAX_VALUE, "the Nth message is confirmed but never delivered (0 = off)"),
        SettingSpec.integer("duplicateEvery", "0", 0, Long.MAX_VALUE,
            "an unflagged copy of the Nth message follows its ack (0 = off)"),
        SettingSpec.integer("redeliverEvery", "0", 0, Long.MAX_VALUE,
            "a flagged copy of the Nth message comes before its ack (0 = off)"),
        SettingSpec.integer("reorderEvery", "0", 0, Long.MAX_VALUE,
            "the Nth message is held until the next of its producer and key (0 = off)"),
        SettingSpec.integer("expireEvery", "0", 0, Long.MAX_VALUE,
            "the Nth message expires in its queues instead of being delivered, reported as removed (0 = off)"),
        SettingSpec.integer("slow.subscription", "-1", Range.of(0, Integer.MAX_VALUE).or(-1, "none"),
            "a subscription (counted from 0) whose consumers take one delivery per slow.interval each"),
        SettingSpec.duration("slow.interval", "0ms", Duration.ZERO, LONGEST_TIMER,
            "least time between two deliveries to one consumer of slow.subscription; above 0ms when it is set"));
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    FaultScript script = new FaultScript(
        DelayDistribution.parse(settings.getString("confirmDelay"), LONGEST_TIMER),
        DelayDistribution.parse(settings.getString("deliveryDelay"), LONGEST_TIMER), settings.getLong("seed"),
        settings.getDuration("stall.every").toNanos(), settings.getDuration("stall.for").toNanos(),
        settings.getLong("dropEvery"), settings.getLong("duplicateEvery"), settings.getLong("redeliverEvery"),
        settings.getLong("reorderEvery"), settings.getLong("expireEvery"), settings.getInt("slow.subscription"),
        settings.getDuration("slow.interval").toNanos());
    return new SyntheticTarget(script, settings.asMap(), context.nanoClock(), new RealTimeScheduler(context.nanoClock()));
  }
}
