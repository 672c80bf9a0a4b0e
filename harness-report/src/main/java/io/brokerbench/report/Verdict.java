package io.brokerbench.report;

import io.brokerbench.metrics.Better;
/** What a comparison concludes about one figure. */
public enum Verdict {
  /** The 95% intervals do not overlap and B is better. */
  BETTER("better", "changed beyond the noise: better"),
  /** The 95% intervals do not overlap and B is worse. */
  WORSE("worse", "changed beyond the noise: worse"),
  /** The 95% intervals do not overlap; the figure has no better direction. */
  CHANGED("changed", "changed beyond the noise"),
  /** The intervals overlap: the difference is within what the repetitions show as noise. */
  WITHIN_NOISE("within-noise", "within the noise"),
  /** A side has a single repetition, so the noise is unknown and no verdict is possible. */
  NOISE_UNKNOWN("noise-unknown", "noise unknown (a single repetition)"),
  /** A side has no figure (no ok run). */
  MISSING("missing", "not comparable: no figure on one side"),
  /**
   * A and B differ in something that changes what the figure measures (settings, guarantee, workload
   * definition, machine, results schema), listed at the top of the page: shown, never judged.
   */
  NOT_COMPARABLE("not-comparable", "not comparable");

  private final String id;
  private final String text;

  Verdict(String id, String text) {
    this.id = id;
    this.text = text;
  }

  /** Stable identifier, also the CSS class and {@code data-verdict}. */
  public String id() {
    return id;
  }

  public String text() {
    return text;
  }

  /** Whether the difference is larger than the noise (never for a figure that is not comparable). */
  public boolean flagged() {
    return this == BETTER || this == WORSE || this == CHANGED;
  }

  static Verdict of(Stats a, Stats b, Better better) {
    if (a == null || b == null) return MISSING;
    if (!a.hasInterval() || !b.hasInterval()) return NOISE_UNKNOWN;
    if (!a.differsBeyondNoise(b)) return WITHIN_NOISE;
    if (better == Better.NEITHER) return CHANGED;
    boolean higher = b.mean() > a.mean();
    return higher == (better == Better.HIGHER) ? BETTER : WORSE;
  }
}
