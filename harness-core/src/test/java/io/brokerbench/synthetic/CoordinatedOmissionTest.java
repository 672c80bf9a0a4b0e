package io.brokerbench.synthetic;


import io.brokerbench.distribution.Distribution;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Coordinated omission, checked exactly on a simulated clock.
 *
 * <p>Setup: 500 messages/s from one producer (a slot every 2 ms, intended at t0 + 2j ms), at most 1
 * message in flight, every confirm 1 ms after the send, and a 100 ms stall ending each second:
 * stall k covers [k·1000 − 100, k·1000) ms. The measured window is 10 s from t0.
 *
 * <p>Derivation, per stall k (times in ms after t0):
 * <ul>
 *   <li>Before the stall every message is sent on time and confirmed 1 ms later: response = service = 1.
 *   <li>The message intended at k·1000 − 100 is sent on time; its confirm, due in the stall, comes at
 *       its end: response = service = 100.
 *   <li>The 49 messages intended at k·1000 − 100 + 2b (b = 1..49) wait for the window; the b-th is
 *       sent at k·1000 + b − 1 and confirmed 1 ms later: response = 100 − b (99 … 51), service = 1.
 *   <li>Then the schedule catches up: the message intended at k·1000 + 2c (c = 0..48) is sent at
 *       k·1000 + 49 + c, response = 50 − c (50 … 2), service = 1; from c = 49 on, all is on time.
 * </ul>
 * The last stall (k = 10) ends the window: its catch-up slots lie after the window and are not sent.
 * Measuring from the actual send time instead (service time) would report 1 ms for all but 10
 * messages, hiding the stall: the negative control.
 */
class CoordinatedOmissionTest {
  static final long MS = 1_000_000;
  @TempDir static Path dir;
  static RunResult result;

  @BeforeAll
  static void runOnceOnTheSimulatedClock() {
    FaultScript script = FaultScript.delays(new Distribution.Fixed(MS), new Distribution.Fixed(MS), 1)
        .withStalls(new FaultScript.Stalls(1000 * MS, 100 * MS));
    Workload w = new Workload("stall", new Workload.Topology(1, 1, Routing.DIRECT, List.of(Binding.ofKeys(List.of("")))),
        new Workload.Producers(1, new Rate(500), 1), new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(1, 1, 100, AckMode.MANUAL, Duration.ZERO),
        Timing.ofDuration(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5)), "");
    result = KnownAnswers.run(script, w, dir);
    assertEquals(RunStatus.OK, result.status(), result.error());
  }

  /** The response times the schedule implies, in ms. */
  static List<Long> expectedResponseMillis() {
    List<Long> out = new ArrayList<>();
    for (int k = 1; k <= 10; k++) {
      int onTimeBefore = k == 1 ? 450 : 450 - 49; // slots after the previous catch-up, before the stall
      for (int i = 0; i < onTimeBefore; i++) out.add(1L);
      out.add(100L);
      for (int b = 1; b <= 49; b++) out.add(100L - b);
      if (k < 10) for (int c = 0; c <= 48; c++) out.add(50L - c);
    }
    return out;
  }

  static List<Long> expectedServiceMillis() {
    List<Long> out = new ArrayList<>();
    for (long r : expectedResponseMillis()) out.add(r == 100 ? 100L : 1L);
    return out;
  }

  static LatencySummary summaryOf(List<Long> millis) {
    Histogram h = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NANOS, 3);
    millis.forEach(v -> h.recordValue(v * MS));
    return LatencyRecorder.summarize(h, 0, 0);
  }

  static void assertSameDistribution(LatencySummary expected, LatencySummary actual) {
    assertEquals(expected.count(), actual.count(), "count");
    assertEquals(expected.min(), actual.min(), "min");
    assertEquals(expected.p50(), actual.p50(), "p50");
    assertEquals(expected.p90(), actual.p90(), "p90");
    assertEquals(expected.p95(), actual.p95(), "p95");
    assertEquals(expected.p99(), actual.p99(), "p99");
    assertEquals(expected.p999(), actual.p999(), "p99.9");
    assertEquals(expected.max(), actual.max(), "max");
    assertEquals(expected.mean(), actual.mean(), 1e-6, "mean");
  }

  @Test
  void theDerivationAccountsForEverySlotInTheWindow() {
    assertEquals(5000, expectedResponseMillis().size());
    assertEquals(5000, result.delivery().sent());
  }

  @Test
  void responseTimeFromTheIntendedSendTimeMatchesTheSchedule() {
    assertSameDistribution(summaryOf(expectedResponseMillis()), result.latency().publish().response());
  }

  @Test
  void serviceTimeStaysAtTheConfiguredDelayButForTheStalledConfirms() {
    LatencySummary service = result.latency().publish().service();
    assertSameDistribution(summaryOf(expectedServiceMillis()), service);
    assertEquals(1000.0, service.p99(), 1.0); // µs
  }

  @Test
  void measuringFromTheActualSendTimeWouldHideTheStall() {
    LatencySummary expectedResponse = summaryOf(expectedResponseMillis());
    LatencySummary service = result.latency().publish().service();
    assertNotEquals(expectedResponse.p90(), service.p90());
    assertNotEquals(expectedResponse.p99(), service.p99());
    // The stall is ~20× the p99 the uncorrected measure reports.
    assertEquals(true, expectedResponse.p99() > 20 * service.p99());
  }
}
