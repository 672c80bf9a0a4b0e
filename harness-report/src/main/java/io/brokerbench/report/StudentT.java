package io.brokerbench.report;

/** Critical values of Student's t distribution for two-sided 95% confidence intervals. */
final class StudentT {
  /** t(0.975, df) for df = 1..30, index df - 1. */
  private static final double[] TABLE = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
  };
  private static final double Z_975 = 1.959964;

  private StudentT() {}

  /**
   * The 97.5th percentile of t with {@code degreesOfFreedom} degrees of freedom: the half-width of
   * a 95% interval is this × standard error. Exact to 3 decimals up to 30; beyond, the Cornish–Fisher
   * expansion around the normal quantile (error below 0.001).
   *
   * @throws IllegalArgumentException when {@code degreesOfFreedom} is below 1
   */
  static double critical95(int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("degreesOfFreedom must be >= 1, was " + degreesOfFreedom);
    }
    if (degreesOfFreedom <= TABLE.length) return TABLE[degreesOfFreedom - 1];
    double z = Z_975;
    double v = degreesOfFreedom;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v);
  }
}
