package io.brokerbench.run;

import io.brokerbench.scenario.KeyChoice;
import io.brokerbench.scenario.PayloadContent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.testing.VirtualRunClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The producer loop on a simulated clock: exact intended and actual send times. */
class ProducerScheduleTest {
  static final long MS = 1_000_000;
  static final long START = 1_000 * MS;

  record Sent(long intended, long actual, long id) {}

  /** A target that confirms every message {@code confirmAfter} after it was sent. */
  static final class SlowTarget implements TargetProducer {
    final VirtualRunClock clock;
    final long confirmAfter;
    final List<Sent> sent = new ArrayList<>();

    SlowTarget(VirtualRunClock clock, long confirmAfter) {
      this.clock = clock;
      this.confirmAfter = confirmAfter;
    }

    @Override
    public CompletableFuture<Void> send(OutgoingMessage m) {
      sent.add(new Sent(Envelope.intendedNanos(m.payload()), Envelope.actualNanos(m.payload()), Envelope.messageId(m.payload())));
      CompletableFuture<Void> f = new CompletableFuture<>();
      clock.schedule(clock.nanoTime() + confirmAfter, () -> f.complete(null));
      return f;
    }

    @Override
    public void close() {}
  }

  static List<Sent> run(double ratePerSecond, int maxInFlight, long confirmAfter, long windowNanos) throws Exception {
    VirtualRunClock clock = new VirtualRunClock(START);
    TopologyPlan plan = new TopologyPlan("p", Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of(""))),
        ConsumerPlan.partitioned(1, 10, AckMode.MANUAL), 1, List.of(new MessageVariant("", Map.of())));
    RunMeasurements m = new RunMeasurements(plan, 1);
    SlowTarget target = new SlowTarget(clock, confirmAfter);
    RunWindow window = new RunWindow(START, START, START + windowNanos, new long[0]);
    m.begin(window);
    ProducerTask task = new ProducerTask(0, target, RateSchedule.of(START, ratePerSecond, 1, 0),
        new KeyChooser(KeyChoice.ROUND_ROBIN, plan.keys(), new java.util.SplittableRandom(1)),
        new PayloadFiller(PayloadContent.ZEROS, new java.util.SplittableRandom(1)), new ProducerTask.Shared(1, plan, m, window, clock, RunHooks.NONE, maxInFlight, 100, 7L, 60_000 * MS));
    task.run();
    clock.advanceTo(clock.nanoTime() + 10 * confirmAfter);
    assertEquals(target.sent.size(), m.ledger.deliveryRecord().confirmed(), "every send confirmed");
    return target.sent;
  }

  @Test
  void onTimeSlotsGoOutExactlyAtTheirIntendedTime() throws Exception {
    // 1000/s, confirms after 0.5 ms, window 20 ms: 20 slots at START + i ms, each sent on time.
    List<Sent> sent = run(1000, 1, MS / 2, 20 * MS);
    assertEquals(20, sent.size());
    for (int i = 0; i < 20; i++) {
      assertEquals(START + i * MS, sent.get(i).intended());
      assertEquals(START + i * MS, sent.get(i).actual());
      assertEquals(i, sent.get(i).id());
    }
  }

  @Test
  void lateSlotsAreStillSentWithTheirIntendedTime() throws Exception {
    // 1000/s but one message in flight and 5 ms per confirm: the producer falls behind. Every slot
    // intended inside the 20 ms window is sent anyway, the i-th at START + 5i ms (long after the
    // window ends), carrying its intended time START + i ms.
    List<Sent> sent = run(1000, 1, 5 * MS, 20 * MS);
    assertEquals(20, sent.size());
    for (int i = 0; i < 20; i++) {
      assertEquals(START + i * MS, sent.get(i).intended(), "intended " + i);
      assertEquals(START + 5 * i * MS, sent.get(i).actual(), "actual " + i);
    }
  }

  @Test
  void theInFlightWindowLetsBurstsThroughUpToItsSize() throws Exception {
    // 4 in flight, 10 ms confirms, 1000/s: four on time, then each waits for the confirm 10 ms
    // after the send four earlier.
    List<Sent> sent = run(1000, 4, 10 * MS, 12 * MS);
    assertEquals(12, sent.size());
    long[] expectedActual = new long[12];
    for (int i = 0; i < 12; i++) {
      long intended = START + i * MS;
      expectedActual[i] = i < 4 ? intended : Math.max(intended, expectedActual[i - 4] + 10 * MS);
      assertEquals(expectedActual[i], sent.get(i).actual(), "actual " + i);
    }
  }
}
