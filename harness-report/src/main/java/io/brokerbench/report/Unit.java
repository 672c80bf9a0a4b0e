package io.brokerbench.report;

import java.util.Locale;

/** How a figure is measured and shown; formatting is locale-independent (English grouping). */
enum Unit {
  PER_SECOND("msg/s"),
  MICROS("µs"),
  COUNT(""),
  SECONDS("s"),
  BYTES("MiB");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  /** The unit as shown in a column header, empty for plain counts. */
  String symbol() {
    return symbol;
  }

  /** {@code value} in this unit for display: grouped thousands, precision that suits its size. */
  String format(double value) {
    if (Double.isNaN(value)) return "–";
    return switch (this) {
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
      case BYTES -> String.format(Locale.ROOT, "%,.1f", value / (1024.0 * 1024.0));
      case SECONDS -> String.format(Locale.ROOT, "%,.1f", value);
      case PER_SECOND, MICROS -> plain(value);
    };
  }

  private static String plain(double value) {
    double abs = Math.abs(value);
    if (abs == 0) return "0";
    if (abs < 10) return String.format(Locale.ROOT, "%.2f", value);
    if (abs < 100) return String.format(Locale.ROOT, "%.1f", value);
    return String.format(Locale.ROOT, "%,d", Math.round(value));
  }
}
