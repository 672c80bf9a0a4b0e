package io.brokerbench.synthetic;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.distribution.Quantity;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.List;
import static io.brokerbench.spi.SettingSpec.LONGEST_TIMER;

/**
 * The settings of target {@code synthetic}, parsed into the {@link FaultScript} it plays.
 *
 * @param script the delays, stalls and faults
 */
record SyntheticSettings(FaultScript script) {
  static final String CONFIRM_DELAY = "confirm.delay";
  static final String DELIVERY_DELAY = "delivery.delay";
  static final String SEED = "seed";
  static final String STALL_EVERY = "stall.every";
  static final String STALL_FOR = "stall.for";
  static final String DROP_EVERY = "drop.every";
  static final String DUPLICATE_EVERY = "duplicate.every";
  static final String REDELIVER_EVERY = "redeliver.every";
  static final String REORDER_EVERY = "reorder.every";
  static final String EXPIRE_EVERY = "expire.every";
  static final String SLOW_SUBSCRIPTION = "slow.subscription";
  static final String SLOW_INTERVAL = "slow.interval";

  /**
   * A delay distribution as {@link Distribution#parse} reads it, every duration in it at most
   * {@link SettingSpec#LONGEST_TIMER}.
   */
  private static final Form DELAY = Form.of(
      "fixed(d), d, uniform(a,b) or exponential(mean), each duration such as 2ms at most "
          + Range.format(SettingType.DURATION, LONGEST_TIMER.toNanos()),
      text -> {
        try {
          Distribution.parse(text, Quantity.DURATION, LONGEST_TIMER.toNanos());
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      });

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.text(CONFIRM_DELAY, "0ms", DELAY, "send → confirm delay"),
      SettingSpec.text(DELIVERY_DELAY, "0ms", DELAY, "send → delivery delay"),
      SettingSpec.integer(SEED, "1", Long.MIN_VALUE, Long.MAX_VALUE, "seed of the delay samples"),
      SettingSpec.duration(STALL_EVERY, "0ms", Duration.ZERO, LONGEST_TIMER, "stall period; 0ms = no stalls"),
      SettingSpec.duration(STALL_FOR, "0ms", Duration.ZERO, LONGEST_TIMER,
          "stall length, shorter than stall.every: nothing is confirmed or delivered in [k·every − for, k·every)"),
      SettingSpec.integer(DROP_EVERY, "0", 0, Long.MAX_VALUE, "the Nth message is confirmed but never delivered (0 = off)"),
      SettingSpec.integer(DUPLICATE_EVERY, "0", 0, Long.MAX_VALUE,
          "an unflagged copy of the Nth message follows its ack (0 = off)"),
      SettingSpec.integer(REDELIVER_EVERY, "0", 0, Long.MAX_VALUE,
          "a flagged copy of the Nth message comes before its ack (0 = off)"),
      SettingSpec.integer(REORDER_EVERY, "0", 0, Long.MAX_VALUE,
          "the Nth message is held until the next of its producer and key (0 = off)"),
      SettingSpec.integer(EXPIRE_EVERY, "0", 0, Long.MAX_VALUE,
          "the Nth message expires in its queues instead of being delivered, reported as removed (0 = off)"),
      SettingSpec.integer(SLOW_SUBSCRIPTION, "-1", Range.of(0, Integer.MAX_VALUE).or(-1, "none"),
          "a subscription (counted from 0) whose consumers take one delivery per slow.interval each"),
      SettingSpec.duration(SLOW_INTERVAL, "0ms", Duration.ZERO, LONGEST_TIMER,
          "least time between two deliveries to one consumer of slow.subscription; above 0ms when it is set"));

  /**
   * Reads settings validated against {@link #SPECS}, which bound every value.
   *
   * @throws SettingsException for settings that contradict each other: a stall as long as its
   *     period, a slow subscription without an interval
   */
  static SyntheticSettings from(Settings s) {
    long stallEvery = s.getDuration(STALL_EVERY).toNanos();
    long stallFor = s.getDuration(STALL_FOR).toNanos();
    if (stallEvery > 0 && stallFor >= stallEvery) {
      throw new SettingsException(STALL_FOR, STALL_FOR + " must be shorter than " + STALL_EVERY);
    }
    int slowSubscription = s.getInt(SLOW_SUBSCRIPTION);
    long slowInterval = s.getDuration(SLOW_INTERVAL).toNanos();
    if (slowSubscription >= 0 && slowInterval <= 0) {
      throw new SettingsException(SLOW_INTERVAL, SLOW_SUBSCRIPTION + " " + slowSubscription + " needs a "
          + SLOW_INTERVAL + " above 0ms");
    }
    return new SyntheticSettings(new FaultScript(
        new FaultScript.Delays(Distribution.parse(s.getString(CONFIRM_DELAY), Quantity.DURATION, LONGEST_TIMER.toNanos()),
            Distribution.parse(s.getString(DELIVERY_DELAY), Quantity.DURATION, LONGEST_TIMER.toNanos()), s.getLong(SEED)),
        new FaultScript.Stalls(stallEvery, stallFor),
        new FaultScript.MessageFaults(s.getLong(DROP_EVERY), s.getLong(DUPLICATE_EVERY), s.getLong(REDELIVER_EVERY),
            s.getLong(REORDER_EVERY), s.getLong(EXPIRE_EVERY)),
        new FaultScript.SlowSubscription(slowSubscription, slowInterval)));
  }
}
