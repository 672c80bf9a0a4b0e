package io.brokerbench.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need something real (a broker, a browser): skip with a reason where it is missing,
 * but fail when {@code BROKERBENCH_REQUIRE_REAL=1} (CI sets it), so CI never passes by skipping.
 */
public final class RealEnvironment {
  private RealEnvironment() {}

  /** Whether {@code BROKERBENCH_REQUIRE_REAL=1} is set. */
  public static boolean required() {
    return "1".equals(System.getenv("BROKERBENCH_REQUIRE_REAL"));
  }

  /**
   * Continues when {@code available}; otherwise skips the test saying {@code whatIsMissing}, or
   * fails it when real dependencies are required.
   */
  public static void assumeAvailable(boolean available, String whatIsMissing) {
    if (available) return;
    if (required()) Assertions.fail("BROKERBENCH_REQUIRE_REAL=1 but " + whatIsMissing);
    Assumptions.assumeTrue(false, "skipped: " + whatIsMissing);
  }
}
