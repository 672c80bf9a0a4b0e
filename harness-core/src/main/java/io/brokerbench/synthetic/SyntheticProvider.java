package io.brokerbench.synthetic;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides {@code synthetic}: scripted delays, stalls and faults for known-answer tests. */
public final class SyntheticProvider implements TargetProvider {
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
        SettingSpec.checked("confirmDelay", SettingType.STRING, "0ms", "send → confirm: fixed(d), d, uniform(a,b) or exponential(mean)",
            SyntheticProvider::delayProblem),
        SettingSpec.checked("deliveryDelay", SettingType.STRING, "0ms", "send → delivery, same forms as confirmDelay",
            SyntheticProvider::delayProblem),
        SettingSpec.of("seed", SettingType.INTEGER, "1", "seed of the delay samples"),
        SettingSpec.of("stall.every", SettingType.DURATION, "0ms", "stall period; 0 = no stalls"),
        SettingSpec.of("stall.for", SettingType.DURATION, "0ms", "stall length: nothing is confirmed or delivered in [k·every − for, k·every)"),
        SettingSpec.of("dropEvery", SettingType.INTEGER, "0", "the Nth message is confirmed but never delivered (0 = off)"),
        SettingSpec.of("duplicateEvery", SettingType.INTEGER, "0", "an unflagged copy of the Nth message follows its ack (0 = off)"),
        SettingSpec.of("redeliverEvery", SettingType.INTEGER, "0", "a flagged copy of the Nth message comes before its ack (0 = off)"),
        SettingSpec.of("reorderEvery", SettingType.INTEGER, "0", "the Nth message is held until the next of its producer and key (0 = off)"),
        SettingSpec.of("expireEvery", SettingType.INTEGER, "0", "the Nth message expires in its queues instead of being delivered, reported as removed (0 = off)"),
        SettingSpec.of("slow.subscription", SettingType.INTEGER, "-1", "a subscription whose consumers take one delivery per slow.interval each (-1 = none)"),
        SettingSpec.of("slow.interval", SettingType.DURATION, "0ms", "least time between two deliveries to one consumer of slow.subscription"));
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    FaultScript script = new FaultScript(
        parseDelay("confirmDelay", settings), parseDelay("deliveryDelay", settings), settings.getLong("seed"),
        settings.getDuration("stall.every").toNanos(), settings.getDuration("stall.for").toNanos(),
        settings.getLong("dropEvery"), settings.getLong("duplicateEvery"), settings.getLong("redeliverEvery"),
        settings.getLong("reorderEvery"), settings.getLong("expireEvery"), (int) settings.getLong("slow.subscription"),
        settings.getDuration("slow.interval").toNanos());
    return new SyntheticTarget(script, settings.asMap(), context.nanoClock(), new RealTimeScheduler(context.nanoClock()));
  }

  private static String delayProblem(String text) {
    try {
      DelayDistribution.parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return "fixed(d), d, uniform(a,b) or exponential(mean) with durations such as 2ms";
    }
  }

  private static DelayDistribution parseDelay(String name, Settings settings) {
    try {
      return DelayDistribution.parse(settings.getString(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting '" + name + "': " + e.getMessage(), e);
    }
  }
}
