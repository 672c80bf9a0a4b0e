package io.brokerbench.synthetic;

import io.brokerbench.spi.Quantities;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import java.time.Duration;
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

  /**
   * Parses {@code fixed(d)}, {@code d}, {@code uniform(a,b)} or {@code exponential(mean)}, each
   * duration at most {@code longest}.
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. {@code 'soon' is not a duration}
   */
  static DelayDistribution parse(String text, Duration longest) {
    String t = text.replace(" ", "");
    Matcher m = FORM.matcher(t);
    if (!m.matches()) return new Fixed(nanos(t, longest));
    long a = nanos(m.group(2), longest);
    String second = m.group(3);
    if (second != null && !m.group(1).equals("uniform")) {
      throw new IllegalArgumentException(m.group(1) + " takes one duration");
    }
    return switch (m.group(1)) {
      case "fixed" -> new Fixed(a);
      case "uniform" -> {
        if (second == null) throw new IllegalArgumentException("uniform takes two durations");
        yield new Uniform(a, nanos(second, longest));
      }
      case "exponential" -> new Exponential(a);
      default -> throw new AssertionError();
    };
  }

  private static long nanos(String text, Duration longest) {
    Duration d;
    try {
      d = Quantities.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration");
    }
    if (d.compareTo(longest) > 0) {
      throw new IllegalArgumentException(text + " is longer than " + SettingSpec.Range.format(SettingType.DURATION, longest.toNanos()));
    }
    return d.toNanos();
  }
}
