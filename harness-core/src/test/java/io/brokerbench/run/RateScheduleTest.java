package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateScheduleTest {
  @Test
  void slotsAreStartPlusIndexTimesIntervalInterleavedAcrossProducers() {
    // 1000/s over 2 producers: a slot every 1 ms overall, each producer every 2 ms.
    RateSchedule p0 = RateSchedule.of(5_000, 1000, 2, 0);
    RateSchedule p1 = RateSchedule.of(5_000, 1000, 2, 1);
    assertEquals(5_000, p0.intendedNanos(0));
    assertEquals(1_005_000, p1.intendedNanos(0));
    assertEquals(2_005_000, p0.intendedNanos(1));
    assertEquals(3_005_000, p1.intendedNanos(1));
    assertEquals(20_000_005_000L, p0.intendedNanos(10_000));
  }

  @Test
  void nonIntegralIntervalsDoNotDrift() {
    RateSchedule s = RateSchedule.of(0, 3, 1, 0); // 333,333,333.33 ns
    assertEquals(1_000_000_000L, s.intendedNanos(3));
    assertEquals(1_000_000_000_000L, s.intendedNanos(3000));
  }

  @Test
  void slotsBeforeCountsSlotsIntendedBeforeTheEnd() {
    RateSchedule s = RateSchedule.of(0, 1000, 1, 0);
    assertEquals(1000, s.slotsBefore(1_000_000_000L));
    assertEquals(1001, s.slotsBefore(1_000_000_001L));
    RateSchedule p1 = RateSchedule.of(0, 1000, 2, 1);
    // p1's slots at 1 ms, 3 ms, 5 ms ...: before 4 ms there are two.
    assertEquals(2, p1.slotsBefore(4_000_000L));
  }

  @Test
  void maxRateHasNoSchedule() {
    assertTrue(RateSchedule.of(0, Double.POSITIVE_INFINITY, 1, 0).isMaxRate());
  }
}
