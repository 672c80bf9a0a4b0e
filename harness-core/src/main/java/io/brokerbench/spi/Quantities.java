package io.brokerbench.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations and sizes written in scenario files.
 *
 * <p>Durations: a non-negative number and a unit, {@code ns us ms s m h} ({@code 1.5s}, {@code 250ms},
 * {@code 0ms}). Sizes: a non-negative whole number and a unit, {@code B KB MB GB} (powers of 1000) or
 * {@code KiB MiB GiB} (powers of 1024), {@code 100B}, {@code 1KiB}; a bare number is bytes.
 */
public final class Quantities {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|KiB|MiB|GiB)?");

  private static final BigDecimal LONGEST_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private Quantities() {}

  /**
   * Fractions of a nanosecond are rounded half up; a duration longer than {@code Long.MAX_VALUE}
   * nanoseconds (about 292 years) is that many.
   *
   * @throws IllegalArgumentException naming the expected form when {@code text} is not a duration
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration such as 250ms, 10s or 2m, found '" + text + "'");
    }
    long nanosPerUnit = switch (m.group(2)) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> throw new AssertionError(m.group(2));
    };
    // Exact decimal arithmetic: 9223372036854ms is that many milliseconds, not the nearest double.
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_UP);
    return Duration.ofNanos(nanos.compareTo(LONGEST_NANOS) > 0 ? Long.MAX_VALUE : nanos.longValueExact());
  }

  /**
   * @throws IllegalArgumentException naming the expected form when {@code text} is not a size
   */
  public static long parseBytes(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a size such as 100B, 1KiB or 4MiB, found '" + text + "'");
    }
    long value = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor = switch (unit) {
      case "B" -> 1L;
      case "KB" -> 1000L;
      case "MB" -> 1000_000L;
      case "GB" -> 1000_000_000L;
      case "KiB" -> 1L << 10;
      case "MiB" -> 1L << 20;
      case "GiB" -> 1L << 30;
      default -> throw new AssertionError(unit);
    };
    return Math.multiplyExact(value, factor);
  }

  /** A short human form of a duration, e.g. {@code 250ms}, {@code 10s}. */
  public static String formatDuration(Duration d) {
    long nanos = d.toNanos();
    if (nanos % 1_000_000_000L == 0) return nanos / 1_000_000_000L + "s";
    if (nanos % 1_000_000L == 0) return nanos / 1_000_000L + "ms";
    if (nanos % 1_000L == 0) return nanos / 1_000L + "us";
    return nanos + "ns";
  }

  /** A short human form of a size, e.g. {@code 1KiB}, {@code 100B}. */
  public static String formatBytes(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) return bytes / (1L << 30) + "GiB";
    if (bytes != 0 && bytes % (1L << 20) == 0) return bytes / (1L << 20) + "MiB";
    if (bytes != 0 && bytes % (1L << 10) == 0) return bytes / (1L << 10) + "KiB";
    return String.format(Locale.ROOT, "%dB", bytes);
  }
}
