package io.brokerbench.synthetic;


import io.brokerbench.distribution.Distribution;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.ThroughputRecord;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rates over the measured window and saturation, on the simulated clock against the synthetic
 * target: 1,000 msg/s from one producer, a 10 s window.
 *
 * <p>Rates count the events that fall inside the window (whatever message they concern) and divide
 * by its length. Each definition is pinned by two known answers that a wrong definition cannot both
 * meet: a constant delay behind a warm-up at least as long shows exactly the offered rate (a
 * definition that stretches the window to the last event would show 10,000 / 12 s = 833/s), and
 * the same delay without a warm-up shows only what arrived in the window (a definition that counts
 * the window's messages wherever they arrive would show 1,000/s).
 */
class RatesAndSaturationTest {
  static final long MS = 1_000_000;
  static final int RATE = 1000;
  @TempDir Path dir;

  static Workload steady(int subscriptions, Duration warmup, int maxInFlight) {
    List<Binding> bindings = Collections.nCopies(subscriptions, Binding.ofKeys(List.of()));
    return new Workload("steady", new Workload.Topology(1, 1, Routing.FANOUT, bindings),
        new Workload.Producers(1, new Rate(RATE), maxInFlight),
        new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(subscriptions, 1, 100, AckMode.MANUAL, Duration.ZERO),
        Timing.ofDuration(warmup, Duration.ofSeconds(10), Duration.ofSeconds(120)), "");
  }

  static FaultScript delays(long confirmMillis, long deliveryMillis) {
    return FaultScript.delays(new Distribution.Fixed(confirmMillis * MS),
        new Distribution.Fixed(deliveryMillis * MS), 1);
  }

  RunResult run(FaultScript script, Workload w) {
    RunResult r = KnownAnswers.run(script, w, dir);
    assertEquals(RunStatus.OK, r.status(), r.error());
    return r;
  }

  @Test
  void aConstantDelayShowsTheOfferedRateAndIsNotSaturation() {
    // 3 s to the confirm, 2 s to the delivery, behind a 3 s warm-up.
    ThroughputRecord t = run(delays(3000, 2000), steady(1, Duration.ofSeconds(3), 10_000)).throughput();
    assertEquals(10.0, t.windowSeconds());
    assertEquals(RATE, t.confirmedPerSec(), RATE * 0.001);
    assertEquals(RATE, t.consumedPerSec(), RATE * 0.001);
    assertFalse(t.saturated(), () -> "saturated: " + t.saturation());
  }

  @Test
  void withoutWarmUpTheRatesCountOnlyWhatArrivedInTheWindow() {
    // Deliveries begin 2 s into the window, confirms 3 s into it: 8,000 and 7,000 events in 10 s.
    ThroughputRecord t = run(delays(3000, 2000), steady(1, Duration.ZERO, 10_000)).throughput();
    assertEquals(700, t.confirmedPerSec(), 1);
    assertEquals(800, t.consumedPerSec(), 1);
  }

  @Test
  void whatArrivesInTheDrainIsInTheSeriesNotInTheRates() {
    RunResult r = run(delays(3000, 2000), steady(1, Duration.ofSeconds(3), 10_000));
    long drainConfirms = r.throughput().series().stream().filter(s -> s.phase().equals("drain"))
        .mapToLong(SecondSample::confirmed).sum();
    assertEquals(3000, drainConfirms, 1, "the last 3 s of sends are confirmed in the drain");
    assertEquals(13_000, r.delivery().confirmed(), "and are in the ledger");
    SecondSample last = r.throughput().series().get(r.throughput().series().size() - 1);
    assertTrue(last.seconds() > 0 && last.seconds() <= 1, "the last interval keeps its real length: " + last.seconds());
  }

  @Test
  void aConsumerWithHalfTheNeededCapacityIsSaturatedAndNamed() {
    // Subscription 1 of a fanout takes one delivery per 2 ms: 500/s; subscription 0 keeps up.
    RunResult r = run(delays(1, 1).withSlowSubscription(1, 2 * MS), steady(2, Duration.ofSeconds(1), 10_000));
    ThroughputRecord t = r.throughput();
    assertTrue(t.saturated());
    assertEquals(1, t.saturation().size(), () -> "only subscription 1: " + t.saturation());
    SaturationRecord s = t.saturation().get(0);
    assertEquals("subscription", s.kind());
    assertEquals(1, s.index());
    // Its backlog grows by 1,000 − 500 per second over 10 s; the limit is 5% of the 10,000 offered.
    assertEquals(5000, s.value(), 2);
    assertEquals(500, s.limit(), 1e-9);
    assertTrue(s.reason().startsWith("subscription 1:"), s.reason());
    // Consumed over both subscriptions: 1,000/s + its capacity.
    assertEquals(RATE + 500, t.consumedPerSec(), 1);
    assertEquals(RATE, t.confirmedPerSec(), 1);
  }

  @Test
  void aFanoutSubscriptionFifteenPercentShortIsNotHiddenByTheOthers() {
    // 850/s: one delivery per 1/850 s; the other two subscriptions keep up.
    RunResult r = run(delays(1, 1).withSlowSubscription(2, 1_000_000_000L / 850), steady(3, Duration.ofSeconds(1), 10_000));
    List<SaturationRecord> saturation = r.throughput().saturation();
    assertEquals(1, saturation.size(), saturation::toString);
    assertEquals(2, saturation.get(0).index());
    assertEquals(1500, saturation.get(0).value(), 2);
  }

  @Test
  void aSubscriptionWithCapacityToSpareIsNotSaturated() {
    // Negative control of the two above: one delivery per 0.9 ms keeps up with 1,000/s.
    RunResult r = run(delays(1, 1).withSlowSubscription(1, 900_000), steady(2, Duration.ofSeconds(1), 10_000));
    assertFalse(r.throughput().saturated(), () -> "saturated: " + r.throughput().saturation());
    assertEquals(2 * RATE, r.throughput().consumedPerSec(), 1);
  }

  @Test
  void anInFlightWindowTooSmallForTheConfirmDelaySaturatesTheProducer() {
    // 10 in flight, 100 ms per confirm: 100/s. By the window's end the producer has sent the slots of
    // its first second only: 9 s behind.
    ThroughputRecord t = run(delays(100, 1), steady(1, Duration.ZERO, 10)).throughput();
    assertTrue(t.saturated());
    SaturationRecord producer = t.saturation().stream().filter(s -> s.kind().equals("producer")).findFirst().orElseThrow();
    assertEquals(0, producer.index());
    assertEquals(9.0, producer.value(), 0.01);
    assertEquals(1.0, producer.limit(), 1e-9, "max(1 s, 5% of 10 s)");
    assertEquals(100, t.confirmedPerSec(), 1);
  }

  @Test
  void anInFlightWindowLargeEnoughDoesNotSaturateTheProducer() {
    // Negative control: 200 in flight at 100 ms per confirm allow 2,000/s.
    ThroughputRecord t = run(delays(100, 1), steady(1, Duration.ZERO, 200)).throughput();
    assertFalse(t.saturated(), () -> "saturated: " + t.saturation());
    assertEquals(RATE, t.confirmedPerSec(), RATE * 0.011, "100 ms of confirms fall after the window");
  }

  @Test
  void aSubSecondRunIsInTheMeasurePhaseAndWarnsThatItMeasuredTooLittle() {
    Workload w = steady(1, Duration.ofMillis(200), 10_000);
    Workload shortRun = w.withTiming(
        Timing.ofDuration(w.timing().warmup(), Duration.ofMillis(500), w.timing().drainTimeout()));
    RunResult r = run(delays(1, 1), shortRun);
    SecondSample only = r.throughput().series().get(0);
    assertEquals("measure", only.phase(), "0.2 s of warm-up, 0.5 s measured: the interval is mostly measured");
    assertEquals(2, r.warnings().size(), r.warnings()::toString);
    assertTrue(r.warnings().get(0).contains("0.50 s, under 2 s"), r.warnings().get(0));
    assertTrue(r.warnings().get(1).contains("only 500 latency values"), r.warnings().get(1));
  }

  @Test
  void aTenSecondRunAtAThousandPerSecondHasNoWarning() {
    assertEquals(List.of(), run(delays(1, 1), steady(1, Duration.ofSeconds(1), 10_000)).warnings());
  }
}
