package io.brokerbench.report;

import io.brokerbench.metrics.LatencyField;
import io.brokerbench.metrics.Metric;
import io.brokerbench.metrics.Unit;
/**
 * One figure in a table, ready for the page.
 *
 * @param text the figure as shown (already formatted; "–" when absent)
 * @param interval "± half-width" of the 95% interval of the shown mean, or empty when the noise is
 *     unknown or the figure is not a mean
 * @param metric where the figure comes from in results.json ({@link Metric#id()}), or empty
 * @param value the exact figure shown, as a JSON number, or empty when absent
 * @param basis how the figure was formed from the repetitions: {@link #RUN}, {@link #MEAN} or
 *     {@link #MERGED}; empty when absent
 * @param n repetitions the figure comes from (1 for a single run)
 * @param spread for a latency of merged histograms over several repetitions, the between-repetition
 *     spread as shown under the figure ("reps mean ± half-width": the mean of each repetition's own
 *     figure with its 95% interval), else empty
 * @param spreadMean that spread's mean as a JSON number, or empty
 * @param spreadHalfWidth that spread's half-width as a JSON number, or empty (also with one repetition)
 * @param best whether this is the best value of its column
 * @param note a qualifier shown under the figure (e.g. "harness only"), or empty
 */
public record Cell(
    String text, String interval, String metric, String value, String basis, int n, String spread, String spreadMean,
    String spreadHalfWidth, boolean best, String note) {
  /** A single run's figure. */
  static final String RUN = "run";
  /** The mean over the repetitions, with its interval. */
  static final String MEAN = "mean";
  /** Of all the repetitions' values together: their latency histograms merged. */
  static final String MERGED = "merged";

  static final Cell EMPTY = absent("");

  private static Cell absent(String metric) {
    return new Cell("–", "", metric, "", "", 0, "", "", "", false, "");
  }

  /** A single run's figure. */
  static Cell of(String metric, Unit unit, Double value) {
    if (value == null) return absent(metric);
    return new Cell(unit.format(value), "", metric, Double.toString(value), RUN, 1, "", "", "", false, "");
  }

  /** A single run's figure shown as {@code text} (e.g. a percentage of the exact {@code value}). */
  static Cell text(String metric, String text, double value) {
    return new Cell(text, "", metric, Double.toString(value), RUN, 1, "", "", "", false, "");
  }

  /** A mean over repetitions with its interval. */
  static Cell of(String metric, Unit unit, Stats stats, boolean best) {
    if (stats == null) return absent(metric);
    return new Cell(unit.format(stats.mean()), interval(unit, stats), metric, Double.toString(stats.mean()), MEAN,
        stats.n(), "", "", "", best, "");
  }

  /**
   * A latency figure over repetitions: of the merged histograms, with the between-repetition spread
   * under it for latencies (not for counts); for schema-1 results, which carry no histograms, the mean
   * over repetitions with its interval.
   */
  static Cell of(String metric, PooledLatency latency, LatencyField field, boolean best) {
    if (latency.isEmpty()) return absent(metric);
    Unit unit = field.unit();
    if (!latency.merged()) return of(metric, unit, latency.spread(field), best);
    double value = latency.pooled(field);
    String spread = "";
    String spreadMean = "";
    String spreadHalfWidth = "";
    if (field.isLatency() && latency.repetitions() > 1) {
      Stats s = latency.spread(field);
      spread = ("reps " + unit.format(s.mean()) + " " + interval(unit, s)).strip();
      spreadMean = Double.toString(s.mean());
      spreadHalfWidth = s.hasInterval() ? Double.toString(s.halfWidth()) : "";
    }
    return new Cell(unit.format(value), "", metric, Double.toString(value), MERGED, latency.repetitions(), spread,
        spreadMean, spreadHalfWidth, best, "");
  }

  private static String interval(Unit unit, Stats stats) {
    return stats.hasInterval() ? "± " + unit.format(stats.halfWidth()) : "";
  }

  /** This cell with a qualifier under the figure. */
  Cell withNote(String text) {
    return new Cell(this.text, interval, metric, value, basis, n, spread, spreadMean, spreadHalfWidth, best, text);
  }

  /** CSS classes of the table cell. */
  public String cssClass() {
    return best ? "num best" : "num";
  }
}
