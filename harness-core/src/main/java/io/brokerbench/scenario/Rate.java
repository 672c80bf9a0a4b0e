package io.brokerbench.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A total publish rate: a fixed number of messages per second across all producers, or as fast as
 * the target confirms ({@code max}).
 *
 * @param perSecond messages per second, &gt; 0; {@link Double#POSITIVE_INFINITY} for {@code max}
 */
public record Rate(double perSecond) {
  public Rate {
    if (!(perSecond > 0)) throw new IllegalArgumentException("rate must be > 0 messages/s, was " + perSecond);
  }

  private static final Pattern PER_SECOND = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*([kKM]?)\\s*/\\s*s");

  /**
   * Parses a rate as written in a workload: {@code max}, or messages per second with an optional
   * thousand ({@code k}) or million ({@code M}) suffix: {@code 5000/s}, {@code 20k/s}, {@code 1.5M/s}.
   *
   * @throws IllegalArgumentException naming the expected form and the text found, or saying the
   *     rate must be above 0
   */
  public static Rate parse(String text) {
    String t = text.trim();
    if (t.toLowerCase(Locale.ROOT).equals("max")) return max();
    Matcher m = PER_SECOND.matcher(t);
    if (!m.matches()) {
      String hint = t.matches("[+-]?\\d+(?:\\.\\d+)?") ? " (write '" + t + "/s')" : "";
      throw new IllegalArgumentException(
          "expected a rate such as 5000/s, 20k/s or max, found '" + text + "'" + hint);
    }
    double value = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
      case "k", "K" -> 1e3;
      case "M" -> 1e6;
      default -> 1;
    };
    if (!(value > 0)) throw new IllegalArgumentException("rate must be above 0 messages/s, found '" + text + "'");
    return new Rate(value);
  }

  public static Rate max() {
    return new Rate(Double.POSITIVE_INFINITY);
  }

  public boolean isMax() {
    return Double.isInfinite(perSecond);
  }

  @Override
  public String toString() {
    return isMax() ? "max" : (perSecond == Math.rint(perSecond) ? (long) perSecond + "/s" : perSecond + "/s");
  }
}
