package io.brokerbench.distribution;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution of non-negative whole quantities (durations in nanoseconds, sizes in bytes),
 * written as one of:
 *
 * <ul>
 *   <li>{@code fixed(x)}, or just {@code x}: always {@code x};
 *   <li>{@code uniform(a,b)}: every whole value from {@code a} to {@code b} equally likely;
 *   <li>{@code exponential(m)}: exponential with mean {@code m}, rounded to a whole value.
 * </ul>
 *
 * <p>This is the one grammar for every distribution a workload or target names: processing times,
 * the synthetic target's delays. Immutable; sampling uses the caller's random source, so a seeded
 * source makes a sequence of draws repeatable.
 */
public sealed interface Distribution {
  Pattern FORM = Pattern.compile("(fixed|uniform|exponential)\\(([^,()]+)(?:,([^,()]+))?\\)");

  /** One draw, ≥ 0, in the quantity's unit. */
  long sample(SplittableRandom random);

  /** The mean of the draws, in the quantity's unit. */
  double mean();

  /** Always 0, whatever is drawn. */
  default boolean isZero() {
    return this instanceof Fixed f && f.value() == 0;
  }

  /** The distribution as a workload writes it, for results and the report. */
  String text(Quantity quantity);

  /** Always {@code value}. */
  record Fixed(long value) implements Distribution {
    public Fixed {
      if (value < 0) throw new IllegalArgumentException("a fixed value must be >= 0, was " + value);
    }

    @Override
    public long sample(SplittableRandom random) {
      return value;
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public String text(Quantity quantity) {
      return quantity.format(value);
    }
  }

  /** Every whole value from {@code low} to {@code high}, both included, equally likely. */
  record Uniform(long low, long high) implements Distribution {
    public Uniform {
      if (low < 0 || high < low) throw new IllegalArgumentException("uniform(a,b) needs 0 <= a <= b");
    }

    @Override
    public long sample(SplittableRandom random) {
      return low == high ? low : low + random.nextLong(high - low + 1);
    }

    @Override
    public double mean() {
      return (low + (double) high) / 2;
    }

    @Override
    public String text(Quantity quantity) {
      return "uniform(" + quantity.format(low) + "," + quantity.format(high) + ")";
    }
  }

  /** Exponential with mean {@code average}, each draw rounded to the nearest whole value. */
  record Exponential(long average) implements Distribution {
    public Exponential {
      if (average < 0) throw new IllegalArgumentException("an exponential mean must be >= 0, was " + average);
    }

    @Override
    public long sample(SplittableRandom random) {
      return Math.round(-average * Math.log(1 - random.nextDouble()));
    }

    @Override
    public double mean() {
      return average;
    }

    @Override
    public String text(Quantity quantity) {
      return "exponential(" + quantity.format(average) + ")";
    }
  }

  /**
   * Parses {@code fixed(x)}, {@code x}, {@code uniform(a,b)} or {@code exponential(mean)} of
   * {@code quantity}, each value at most {@code max}.
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. {@code 'soon' is not a duration}
   */
  static Distribution parse(String text, Quantity quantity, long max) {
    String t = text.replace(" ", "");
    Matcher m = FORM.matcher(t);
    if (!m.matches()) return new Fixed(quantity.parse(t, max));
    long a = quantity.parse(m.group(2), max);
    String second = m.group(3);
    if (second != null && !m.group(1).equals("uniform")) {
      throw new IllegalArgumentException(m.group(1) + " takes one " + quantity.name().toLowerCase(java.util.Locale.ROOT));
    }
    return switch (m.group(1)) {
      case "fixed" -> new Fixed(a);
      case "uniform" -> {
        if (second == null) {
          throw new IllegalArgumentException("uniform takes two " + quantity.name().toLowerCase(java.util.Locale.ROOT) + "s");
        }
        long b = quantity.parse(second, max);
        if (b < a) throw new IllegalArgumentException("uniform(a,b) needs a <= b, found " + text);
        yield new Uniform(a, b);
      }
      case "exponential" -> new Exponential(a);
      default -> throw new AssertionError();
    };
  }
}
