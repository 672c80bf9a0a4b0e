package io.brokerbench.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.distribution.Seeds;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.RunResult;
import io.brokerbench.run.RateSchedule;
import io.brokerbench.scenario.Arrivals;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrival shapes at the same mean rate, on the simulated clock against the synthetic target (1 ms
 * to confirm, 1 ms to deliver), 1,000 msg/s from one producer for 10 s.
 *
 * <p>Known answers:
 * <ul>
 *   <li>even: every message is sent on time and confirmed 1 ms later, so publish response time is
 *       1 ms at every percentile;
 *   <li>bursts(100) with at most 10 in flight: every 100 ms, 100 messages are due at once; the k-th
 *       of a burst (0-based) waits for {@code k / 10} earlier confirms of 1 ms each, so its response
 *       time is {@code (k / 10 + 1)} ms: 1 to 10 ms, p50 5 ms, max 10 ms, where even arrivals at the
 *       same rate and bound show 1 ms (the negative control);
 *   <li>poisson: the window holds as many messages as the seeded draws put in it, and about a third
 *       of the gaps (1/e) are longer than the mean gap; with even arrivals none is.
 * </ul>
 */
class ArrivalsTest {
  static final long MS = 1_000_000;
  @TempDir Path dir;

  static Workload workload(Arrivals arrivals, int maxInFlight, long seed) {
    return new Workload("arrivals", "", new Workload.Topology(1, 1, Routing.FANOUT, List.of(Binding.ofKeys(List.of()))),
        new Workload.Producers(1, new Rate(1000), maxInFlight, arrivals),
        new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(1, 1, 100, AckMode.MANUAL, Duration.ZERO),
        Timing.ofDuration(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(30)), "", seed);
  }

  RunResult run(Workload w) {
    return KnownAnswers.runWithMillisecondDelays(w, dir);
  }

  @Test
  void evenArrivalsAreSentOnTime() {
    LatencySummary publish = run(workload(Arrivals.EVEN, 10, 1)).latency().publish().response();
    assertEquals(10_000, publish.count());
    assertEquals(1000, publish.p50(), 10);
    assertEquals(1000, publish.max(), 10);
  }

  @Test
  void aBurstQueuesBehindTheInFlightBound() {
    LatencySummary publish = run(workload(Arrivals.bursts(100), 10, 1)).latency().publish().response();
    assertEquals(10_000, publish.count());
    // Response times 1..10 ms, ten messages each: p50 is 5 ms, the maximum 10 ms (µs, 3 significant digits).
    assertEquals(5_000, publish.p50(), 10);
    assertEquals(10_000, publish.max(), 20);
    assertEquals(1_000, publish.min(), 10);
  }

  @Test
  void poissonArrivalsFollowTheSeedsDraws() {
    RunResult r = run(workload(Arrivals.POISSON, 1_000, 7));
    RateSchedule same = RateSchedule.of(KnownAnswers.T0, 1000, 1, 0, Arrivals.POISSON, Seeds.random(7, "arrivals", 0));
    long inWindow = 0;
    long longGaps = 0;
    long previous = KnownAnswers.T0;
    for (long i = 0; ; i++) {
      long t = same.intendedNanos(i);
      if (t >= KnownAnswers.T0 + 10_000 * MS) break;
      inWindow++;
      if (t - previous > MS) longGaps++;
      previous = t;
    }
    assertEquals(inWindow, r.latency().publish().response().count());
    assertTrue(Math.abs(inWindow - 10_000) < 400, "about 10,000 in 10 s (4 standard deviations): " + inWindow);
    assertEquals(Math.exp(-1), longGaps / (double) inWindow, 0.02);
    // Negative control: even arrivals never leave a gap longer than the mean.
    RateSchedule even = RateSchedule.of(0, 1000, 1, 0, Arrivals.EVEN, new SplittableRandom(7));
    for (long i = 1; i < 1000; i++) assertTrue(even.intendedNanos(i) - even.intendedNanos(i - 1) <= MS);
  }

  /**
   * Zipf keys and Poisson arrivals through a whole run on a target that keeps order: every message
   * is delivered and checked, with no violation. The key choice itself is pinned by {@code
   * KeyChooserTest}.
   */
  @Test
  void zipfKeysKeepPerKeyOrderOnAnOrderedTarget() {
    Workload base = workload(Arrivals.POISSON, 1_000, 5);
    Workload w = new Workload("zipf", "", new Workload.Topology(1, 4, Routing.FANOUT, List.of(Binding.ofKeys(List.of()))),
        base.producers(), new Workload.Messages(100, 64, List.of(new MessageVariant("", Map.of())),
            io.brokerbench.scenario.KeyChoice.zipf(1.1)),
        base.consumers(), base.timing(), "", 5);
    RunResult r = run(w);
    assertEquals(r.delivery().expected(), r.delivery().delivered());
    assertEquals(r.delivery().delivered(), r.ordering().checked());
    assertEquals(0, r.ordering().violations());
  }
}
