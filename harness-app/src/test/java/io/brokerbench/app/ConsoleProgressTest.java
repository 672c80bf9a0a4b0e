package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.run.RunProgress;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  static RunProgress at(String phase, double elapsed, double planned) {
    return new RunProgress("t", "w", phase, elapsed, planned, 0, 0, 0, 0);
  }

  @Test
  void eachPhaseCountsItsOwnTimeAgainstItsOwnPlan() {
    assertEquals("   1s/2s", ConsoleProgress.phaseTime(at("warmup", 1, 2)));
    assertEquals("   2s/3s", ConsoleProgress.phaseTime(at("measure", 2, 3)));
    assertEquals("  12s", ConsoleProgress.phaseTime(at("measure", 12, -1)));
    assertEquals("   4s (up to 30s)", ConsoleProgress.phaseTime(at("drain", 4, 30)));
  }

  @Test
  void aMeasurePhasePastItsPlanSaysItIsLateInsteadOf61OutOf3() {
    assertEquals("   3s/3s +58s late", ConsoleProgress.phaseTime(at("measure", 61, 3)));
  }
}
