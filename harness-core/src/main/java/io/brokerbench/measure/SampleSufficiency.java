package io.brokerbench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run measured enough to mean anything: a window of at least {@value
 * #MIN_WINDOW_SECONDS} s (rates over less rest on a moment), and at least {@value
 * #MIN_LATENCY_VALUES} latency values (with fewer, p99.9 cannot differ from the max). A run below
 * either gets a warning that says so; its figures are kept. Pure.
 */
public final class SampleSufficiency {
  /** The shortest measured window whose rates mean something, in seconds. */
  public static final double MIN_WINDOW_SECONDS = 2.0;
  /** The fewest latency values for p99.9 to differ from the max. */
  public static final long MIN_LATENCY_VALUES = 1000;

  private SampleSufficiency() {}

  /**
   * @param windowSeconds the measured window's length
   * @param latencyValues the publish response-time values recorded in it
   * @return one line per shortfall; empty when the run measured enough
   */
  public static List<String> warnings(double windowSeconds, long latencyValues) {
    List<String> out = new ArrayList<>();
    if (windowSeconds < MIN_WINDOW_SECONDS) {
      out.add(String.format(Locale.ROOT, "the measured window is %.2f s, under %.0f s: its rates rest on too short a time "
          + "to mean much; measure 10 s or more", windowSeconds, MIN_WINDOW_SECONDS));
    }
    if (latencyValues < MIN_LATENCY_VALUES) {
      out.add(String.format(Locale.ROOT, "only %,d latency values in the window, under %,d: p99.9 and above cannot differ "
          + "from the max", latencyValues, MIN_LATENCY_VALUES));
    }
    return out;
  }
}
