package io.brokerbench.report;

import java.util.List;

/**
 * The data of one chart as the page script reads it (serialized into the page as JSON).
 *
 * @param kind {@code time} (x in seconds from the start of the measured window) or
 *     {@code percentile} (x = −log10(1 − p/100), y on a log scale)
 * @param xLabel x-axis label with unit
 * @param yLabel y-axis label with unit
 * @param x shared x values, ascending
 * @param series one per target; each y has the length of x, {@code null} where there is no value
 * @param windowSeconds length of the measured window (time charts), else {@code null}
 * @param offered the offered rate in msg/s when the chart is a rate at a fixed schedule, else
 *     {@code null}
 */
record ChartData(String kind, String xLabel, String yLabel, List<Double> x, List<Series> series, Double windowSeconds, Double offered) {
  /**
   * @param label target label
   * @param color CSS colour
   * @param dash dash pattern in pixels, empty for solid
   * @param marker point shape
   * @param y values, aligned with the chart's x
   */
  record Series(String label, String color, List<Double> dash, String marker, List<Double> y) {}
}
