package io.brokerbench.metrics;

import java.util.Locale;

/**
 * How a figure is measured and shown. Values are held in the unit results.json uses: messages per
 * second, microseconds, plain counts, seconds, bytes, ratios. Formatting is locale-independent (English
 * grouping).
 */
public enum Unit {
  PER_SECOND("msg/s"),
  MICROS("µs"),
  COUNT(""),
  SECONDS("s"),
  /** Held in bytes, shown in MiB. */
  BYTES("MiB"),
  /** A ratio of two figures of the same unit, e.g. 1.25 (×). */
  RATIO("×");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  /** The unit as shown in a column header, empty for plain counts. */
  public String symbol() {
    return symbol;
  }

  /** {@code value} in this unit for a table: grouped thousands, precision that suits its size; "–" for NaN. */
  public String format(double value) {
    if (Double.isNaN(value)) return "–";
    return switch (this) {
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
      case BYTES -> String.format(Locale.ROOT, "%,.1f", value / (1024.0 * 1024.0));
      case SECONDS -> String.format(Locale.ROOT, "%,.1f", value);
      case PER_SECOND, MICROS -> plain(value);
      case RATIO -> String.format(Locale.ROOT, "%,.2f", value);
    };
  }

  /**
   * {@code value} in a narrow console column, with its unit where the column does not say it:
   * latencies scale to µs, ms or s ("-" when not above 0), rates and counts are grouped whole numbers.
   */
  public String compact(double value) {
    if (Double.isNaN(value)) return "-";
    return switch (this) {
      case MICROS -> micros(value);
      case PER_SECOND, COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
      case SECONDS -> String.format(Locale.ROOT, "%,.1fs", value);
      case BYTES -> String.format(Locale.ROOT, "%,.1fMiB", value / (1024.0 * 1024.0));
      case RATIO -> String.format(Locale.ROOT, "%,.2fx", value);
    };
  }

  /** A latency in microseconds for the console: "-" when not above 0, else µs, ms or s with 2–3 digits. */
  public static String micros(double us) {
    if (!(us > 0)) return "-";
    if (us >= 1_000_000) return String.format(Locale.ROOT, "%.2fs", us / 1e6);
    if (us >= 1000) return String.format(Locale.ROOT, "%.2fms", us / 1e3);
    return us < 10 ? String.format(Locale.ROOT, "%.1fus", us) : String.format(Locale.ROOT, "%.0fus", us);
  }

  private static String plain(double value) {
    double abs = Math.abs(value);
    if (abs == 0) return "0";
    if (abs < 10) return String.format(Locale.ROOT, "%.2f", value);
    if (abs < 100) return String.format(Locale.ROOT, "%.1f", value);
    return String.format(Locale.ROOT, "%,d", Math.round(value));
  }
}
