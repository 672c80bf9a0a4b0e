package io.brokerbench.report;

/**
 * One figure in a table, ready for the page.
 *
 * @param text the figure as shown (already formatted; "–" when absent)
 * @param interval "± half-width" of the 95% interval, or empty when the noise is unknown or the
 *     figure is not a mean
 * @param metric where the figure comes from in results.json ({@link Metric#path()}), or empty
 * @param value the exact figure (mean over repetitions where {@code n > 1}), as a JSON number, or
 *     empty when absent
 * @param n repetitions the figure is the mean of (1 for a single run)
 * @param best whether this is the best value of its column
 * @param note a qualifier shown under the figure (e.g. "harness only"), or empty
 */
public record Cell(String text, String interval, String metric, String value, int n, boolean best, String note) {
  static final Cell EMPTY = new Cell("–", "", "", "", 0, false, "");

  /** A single run's figure. */
  static Cell of(String metric, Unit unit, Double value) {
    if (value == null) return new Cell("–", "", metric, "", 0, false, "");
    return new Cell(unit.format(value), "", metric, Double.toString(value), 1, false, "");
  }

  /** A mean over repetitions with its interval. */
  static Cell of(String metric, Unit unit, Stats stats, boolean best) {
    if (stats == null) return new Cell("–", "", metric, "", 0, false, "");
    String interval = stats.hasInterval() ? "± " + unit.format(stats.halfWidth()) : "";
    return new Cell(unit.format(stats.mean()), interval, metric, Double.toString(stats.mean()), stats.n(), best, "");
  }

  /** This cell with a qualifier under the figure. */
  Cell withNote(String text) {
    return new Cell(this.text, interval, metric, value, n, best, text);
  }

  /** CSS classes of the table cell. */
  public String cssClass() {
    return best ? "num best" : "num";
  }
}
