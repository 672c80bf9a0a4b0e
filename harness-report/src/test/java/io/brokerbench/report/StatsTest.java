package io.brokerbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.metrics.Better;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void intervalUsesStudentTWithNMinusOneDegreesOfFreedom() {
    Stats two = Stats.of(List.of(10.0, 12.0));
    assertEquals(11.0, two.mean(), 1e-12);
    assertEquals(12.706, two.halfWidth(), 1e-9, "t(0.975, 1) × s/√n with s = √2, n = 2");
    Stats five = Stats.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
    assertEquals(2.776 * Math.sqrt(2.5) / Math.sqrt(5), five.halfWidth(), 1e-9);
  }

  @Test
  void aSingleRepetitionHasNoInterval() {
    Stats one = Stats.of(List.of(42.0));
    assertFalse(one.hasInterval());
    assertTrue(Double.isNaN(one.halfWidth()));
    assertFalse(one.differsBeyondNoise(Stats.of(List.of(1.0, 1.0))), "noise unknown is never a difference");
    assertNull(Stats.of(List.of()));
  }

  @Test
  void differsOnlyWhenIntervalsDoNotOverlap() {
    Stats a = Stats.of(List.of(100.0, 102.0, 101.0));
    assertTrue(a.differsBeyondNoise(Stats.of(List.of(120.0, 121.0, 122.0))));
    assertFalse(a.differsBeyondNoise(Stats.of(List.of(101.5, 103.0, 102.0))));
    assertTrue(Stats.of(List.of(0.0, 0.0)).differsBeyondNoise(Stats.of(List.of(5.0, 5.0))), "exact repeats, different values");
  }

  @Test
  void criticalValuesMatchTheTableAndApproachTheNormal() {
    assertEquals(12.706, StudentT.critical95(1), 1e-9);
    assertEquals(2.228, StudentT.critical95(10), 1e-9);
    assertEquals(2.042, StudentT.critical95(30), 1e-9);
    assertEquals(2.021, StudentT.critical95(40), 1e-3);
    assertEquals(1.980, StudentT.critical95(120), 1e-3);
    assertEquals(1.960, StudentT.critical95(100_000), 1e-3);
    assertTrue(StudentT.critical95(31) < StudentT.critical95(30));
    assertThrows(IllegalArgumentException.class, () -> StudentT.critical95(0));
  }

  @Test
  void verdictFollowsTheBetterDirection() {
    Stats low = Stats.of(List.of(10.0, 11.0, 10.5));
    Stats high = Stats.of(List.of(20.0, 21.0, 20.5));
    assertEquals(Verdict.BETTER, Verdict.of(low, high, Better.HIGHER));
    assertEquals(Verdict.WORSE, Verdict.of(low, high, Better.LOWER));
    assertEquals(Verdict.CHANGED, Verdict.of(low, high, Better.NEITHER));
    assertEquals(Verdict.WITHIN_NOISE, Verdict.of(low, low, Better.LOWER));
    assertEquals(Verdict.NOISE_UNKNOWN, Verdict.of(Stats.of(List.of(10.0)), high, Better.LOWER));
    assertEquals(Verdict.MISSING, Verdict.of(null, high, Better.LOWER));
  }
}
