package io.brokerbench.distribution;

import io.brokerbench.spi.Quantities;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;

/** What a {@link Distribution}'s numbers are, and how they are written. */
public enum Quantity {
  /** Durations, in nanoseconds; written {@code 250us}, {@code 2s}, {@code 168h}. */
  DURATION("duration", "longer") {
    @Override
    long parse(String text) {
      return Quantities.parseDuration(text).toNanos();
    }

    @Override
    public String format(long nanos) {
      return SettingSpec.Range.format(SettingType.DURATION, nanos);
    }
  },
  /** Sizes, in bytes; written {@code 100B}, {@code 1KiB}, {@code 4MB}. */
  SIZE("size", "larger") {
    @Override
    long parse(String text) {
      return Quantities.parseBytes(text);
    }

    @Override
    public String format(long bytes) {
      return SettingSpec.Range.format(SettingType.SIZE, bytes);
    }
  };

  private final String noun;
  private final String comparative;

  Quantity(String noun, String comparative) {
    this.noun = noun;
    this.comparative = comparative;
  }

  /** The value of {@code text} in this quantity's unit; throws IllegalArgumentException if malformed. */
  abstract long parse(String text);

  /** {@code value} written the way a workload writes it. */
  public abstract String format(long value);

  /** Parses {@code text}, at most {@code max}, with an error that says what was expected. */
  long parse(String text, long max) {
    long value;
    try {
      value = parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + noun);
    }
    if (value > max) throw new IllegalArgumentException(text + " is " + comparative + " than " + format(max));
    return value;
  }
}
