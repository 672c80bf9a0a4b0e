package io.brokerbench.synthetic;

import io.brokerbench.spi.Quantities;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution of delays in nanoseconds, written {@code fixed(1ms)} (or just {@code 1ms}),
 * {@code uniform(1ms,3ms)} or {@code exponential(2ms)} (mean). Immutable; sampling uses the
 * caller's random source, so a seed makes it repeatable.
 */
public sealed interface DelayDistribution {
  Pattern FORM = Pattern.compile("(fixed|uniform|exponential)\\(([^,()]+)(?:,([^,()]+))?\\)");

  /** A delay in nanoseconds, ≥ 0. */
  long sampleNanos(SplittableRandom random);

  record Fixed(long nanos) implements DelayDistribution {
    public long sampleNanos(SplittableRandom random) {
      return nanos;
    }
  }

  record Uniform(long lowNanos, long highNanos) implements DelayDistribution {
    public Uniform {
      if (highNanos < lowNanos) throw new IllegalArgumentException("uniform(a,b) needs a <= b");
    }

    public long sampleNanos(SplittableRandom random) {
      return lowNanos == highNanos ? lowNanos : lowNanos + random.nextLong(highNanos - lowNanos + 1);
    }
  }

  record Exponential(long meanNanos) implements DelayDistribution {
    public long sampleNanos(SplittableRandom random) {
      return Math.round(-meanNanos * Math.log(1 - random.nextDouble()));
    }
  }

  /** @throws IllegalArgumentException naming the accepted forms */
  static DelayDistribution parse(String text) {
    String t = text.replace(" ", "");
    Matcher m = FORM.matcher(t);
    try {
      if (!m.matches()) return new Fixed(Quantities.parseDuration(t).toNanos());
      long a = Quantities.parseDuration(m.group(2)).toNanos();
      return switch (m.group(1)) {
        case "fixed" -> new Fixed(a);
        case "uniform" -> new Uniform(a, Quantities.parseDuration(require(m.group(3), text)).toNanos());
        case "exponential" -> new Exponential(a);
        default -> throw new AssertionError();
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected fixed(d), d, uniform(a,b) or exponential(mean) with durations such as 2ms, found '"
          + text + "'");
    }
  }

  private static String require(String s, String text) {
    if (s == null) throw new IllegalArgumentException(text);
    return s;
  }
}
