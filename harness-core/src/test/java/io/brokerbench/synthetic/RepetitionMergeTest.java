package io.brokerbench.synthetic;


import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three repetitions at 1,000 msg/s for 10 s, confirms 1 ms after the send; the second repetition
 * stalls for 2 s at the window's end (stall 1 covers [8 s, 10 s)), so its 2,000 confirms due then
 * come at 10 s: response times spread evenly from 2 s down to 0.
 *
 * <p>Merged, the 30,000 values have a 2 s max and a p99.9 among the stalled ones (1,999 of them lie
 * above 1 ms). Averaging each repetition's percentile instead, the negative control, would show a
 * max of about 0.67 s and hide the stall.
 */
class RepetitionMergeTest {
  static final long MS = 1_000_000;
  @TempDir static Path dir;
  static final List<LatencySummary> responses = new ArrayList<>();

  @BeforeAll
  static void runThreeRepetitions() {
    for (int rep = 1; rep <= 3; rep++) {
      FaultScript script = rep == 2
          ? RatesAndSaturationTest.delays(1, 1).withStalls(new FaultScript.Stalls(10_000 * MS, 2000 * MS))
          : RatesAndSaturationTest.delays(1, 1);
      RunResult r = KnownAnswers.run(script, RatesAndSaturationTest.steady(1, Duration.ZERO, 10_000), dir.resolve("r" + rep));
      assertEquals(RunStatus.OK, r.status(), r.error());
      responses.add(r.latency().publish().response());
    }
  }

  @Test
  void theMergedMaxAndTailShowAStallInOneRepetition() {
    LatencySummary merged = LatencyRecorder.merge(responses);
    assertEquals(30_000, merged.count());
    assertEquals(2_000_000, merged.max(), 2_000_000 * 0.001, "max in µs: the 2 s stall");
    // The top 0.1% (30 values) are the stalled confirms sent first: within 30 ms of 2 s.
    assertEquals(1_970_000, merged.p999(), 2_000, "p99.9 in µs");
    assertEquals(1000, merged.p50(), 1, "the median stays at the 1 ms delay");
  }

  @Test
  void averagingEachRepetitionsPercentilesWouldHideTheStall() {
    double averagedMax = responses.stream().mapToDouble(LatencySummary::max).average().orElseThrow();
    double averagedP999 = responses.stream().mapToDouble(LatencySummary::p999).average().orElseThrow();
    assertEquals(667_000, averagedMax, 2_000);
    assertTrue(LatencyRecorder.merge(responses).max() > 2.9 * averagedMax);
    assertTrue(LatencyRecorder.merge(responses).p999() > 2.9 * averagedP999);
  }
}
