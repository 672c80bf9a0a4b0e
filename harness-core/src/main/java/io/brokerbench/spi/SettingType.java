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
  CHOICE
}
