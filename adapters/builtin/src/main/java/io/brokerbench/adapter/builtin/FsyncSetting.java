package io.brokerbench.adapter.builtin;

import io.brokerbench.spi.Quantities;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setting {@code fsync} as both built-in engines spell it: {@code always} (force before every
 * confirm), {@code never} (left to the operating system) or {@code interval(200ms)} (a force every
 * interval, a duration in whole milliseconds).
 *
 * @param kind which policy
 * @param interval for {@link Kind#INTERVAL}: the time between forces, at least 1 ms; {@link
 *     Duration#ZERO} otherwise
 */
public record FsyncSetting(Kind kind, Duration interval) {
  /** The three policies. */
  public enum Kind { ALWAYS, INTERVAL, NEVER }

  private static final Pattern INTERVAL = Pattern.compile("interval\\((.*)\\)");

  /**
   * The values an engine whose interval may be at most {@code maxInterval} accepts, e.g. {@code
   * always, never or interval(d) with d a duration from 1ms to 60s in whole milliseconds}.
   */
  public static Form form(Duration maxInterval) {
    Range range = Range.of(Duration.ofMillis(1), maxInterval).inSteps(Duration.ofMillis(1).toNanos());
    return Form.of("always, never or interval(d) with d " + range.describe(SettingType.DURATION), text -> {
      FsyncSetting fsync;
      try {
        fsync = parse(text);
      } catch (IllegalArgumentException | ArithmeticException e) {
        return "not one of these";
      }
      return fsync.kind == Kind.INTERVAL && !range.accepts(fsync.interval.toNanos()) ? "the interval is out of range" : null;
    });
  }

  /**
   * Parses {@code always}, {@code never} or {@code interval(d)}, {@code d} a duration such as
   * {@code 200ms} (see {@link Quantities#parseDuration}).
   *
   * @throws IllegalArgumentException when {@code text} is none of these
   */
  public static FsyncSetting parse(String text) {
    String t = text.strip();
    if (t.equals("always")) return new FsyncSetting(Kind.ALWAYS, Duration.ZERO);
    if (t.equals("never")) return new FsyncSetting(Kind.NEVER, Duration.ZERO);
    Matcher m = INTERVAL.matcher(t);
    if (!m.matches()) throw new IllegalArgumentException("fsync must be always, never or interval(d), found '" + text + "'");
    Duration interval = Quantities.parseDuration(m.group(1).strip());
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("the fsync interval must be above 0, found '" + text + "'");
    }
    return new FsyncSetting(Kind.INTERVAL, interval);
  }

  /** As a scenario writes it, the interval in milliseconds: {@code always}, {@code never}, {@code interval(200ms)}. */
  @Override
  public String toString() {
    return switch (kind) {
      case ALWAYS -> "always";
      case NEVER -> "never";
      case INTERVAL -> "interval(" + interval.toMillis() + "ms)";
    };
  }
}
