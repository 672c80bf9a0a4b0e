package io.brokerbench.spi;

/** The type of a target setting, which decides how a scenario value is parsed. */
public enum SettingType {
  /** Any text. */
  STRING,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A whole number (64-bit). */
  INTEGER,
  /** A duration such as {@code 250ms}, {@code 10s}, {@code 2m}, {@code 500us} (see {@link Quantities}). */
  DURATION,
  /** A size in bytes such as {@code 100B}, {@code 1KiB}, {@code 16MiB} (see {@link Quantities}). */
  SIZE,
  /** One of {@link SettingSpec#choices()}. */
  CHOICE;

  /** Whether values are numbers, which a {@link SettingSpec.Range} bounds. */
  public boolean isNumber() {
    return this == INTEGER || this == DURATION || this == SIZE;
  }

  /**
   * The value's number in this type's unit (a count, bytes, nanoseconds), or {@code null} for a type
   * that is not a number.
   *
   * @throws IllegalArgumentException when {@code text} is not a value of this type
   */
  Long parse(String text) {
    return switch (this) {
      case STRING, CHOICE -> null;
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) throw new IllegalArgumentException("found '" + text + "'");
        yield null;
      }
      case INTEGER -> Long.parseLong(text);
      case DURATION -> Quantities.parseDuration(text).toNanos();
      case SIZE -> Quantities.parseBytes(text);
    };
  }

  /** The least number a value of this type can be, in its unit. */
  long smallest() {
    return this == INTEGER ? Long.MIN_VALUE : 0;
  }

  /** The greatest number a value of this type can be, in its unit. */
  long largest() {
    return Long.MAX_VALUE;
  }

  /** A value of this type, with an article: {@code a size}. */
  String noun() {
    return switch (this) {
      case STRING -> "text";
      case BOOLEAN -> "true or false";
      case INTEGER -> "a whole number";
      case DURATION -> "a duration";
      case SIZE -> "a size";
      case CHOICE -> "one of the choices";
    };
  }

  /** What a value of this type looks like, for a setting without a range or form. */
  String describe() {
    return switch (this) {
      case DURATION -> "a duration such as 250ms or 10s";
      case SIZE -> "a size such as 100B or 1KiB";
      default -> noun();
    };
  }
}
