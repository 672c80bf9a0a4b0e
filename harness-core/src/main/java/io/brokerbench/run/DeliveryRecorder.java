package io.brokerbench.run;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.measure.DeliveryLedger;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import java.util.SplittableRandom;

/**
 * The harness's listener for one consumer: reads the envelope, updates the ledger, ordering and the
 * consumer's tally, records end-to-end latency of first deliveries in the measured window, simulates
 * processing time (drawn from the consumer's distribution), then acknowledges, or rejects where
 * {@code consumers.reject} says so. Called by the target's delivery thread (one at a time per
 * consumer). An exception or {@link Error} while recording fails the run with the reason and is not
 * passed on to the target.
 */
final class DeliveryRecorder implements DeliveryListener {
  private final int subscription;
  private final RunMeasurements m;
  private final RunClock clock;
  private final long runTag;
  private final Distribution processing;
  private final SplittableRandom processingRandom;
  private final RejectDecider rejects;
  private final boolean manualAck;
  private final RunHooks hooks;
  private final ConsumerTally tally;

  /**
   * @param processing this consumer's processing time, in nanoseconds, drawn from {@code
   *     processingRandom}
   * @param rejects which of its deliveries it rejects (manual acks only)
   * @param tally where its deliveries, rejections and busy time are counted
   */
  DeliveryRecorder(int subscription, RunMeasurements m, RunClock clock, long runTag, Distribution processing,
      SplittableRandom processingRandom, RejectDecider rejects, AckMode ackMode, RunHooks hooks, ConsumerTally tally) {
    this.hooks = hooks;
    this.subscription = subscription;
    this.m = m;
    this.clock = clock;
    this.runTag = runTag;
    this.processing = processing;
    this.processingRandom = processingRandom;
    this.rejects = rejects;
    this.manualAck = ackMode == AckMode.MANUAL;
    this.tally = tally;
  }

  @Override
  public void onDelivery(Delivery delivery) {
    try {
      record(delivery);
    } catch (Throwable e) {
      // Whatever breaks here fails this run (and only it); the target's thread goes on.
      m.fail("consumer of subscription " + subscription + ": " + WorkloadRun.describe(e));
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
    }
  }

  private void record(Delivery delivery) {
    hooks.beforeDelivery(subscription);
    long now = clock.nanoTime();
    byte[] payload = delivery.payload();
    if (!Envelope.isOfRun(payload, delivery.payloadLength(), runTag)) {
      m.ledger.onForeign(subscription);
      if (manualAck) delivery.ack();
      return;
    }
    try {
      handle(delivery, payload, now);
    } finally {
      tally.onBusy(clock.nanoTime() - now);
    }
  }

  private void handle(Delivery delivery, byte[] payload, long now) {
    long id = Envelope.messageId(payload);
    boolean redelivered = delivery.redelivered();
    tally.onDelivery(redelivered);
    DeliveryLedger.Kind kind = m.ledger.onDelivery(subscription, id, Envelope.producer(payload), Envelope.key(payload),
        Envelope.sequence(payload), redelivered);
    if (kind == DeliveryLedger.Kind.FIRST) {
      m.meter.onConsumed(now);
      m.window.onFirstDelivery(subscription, now);
      if (Envelope.isMeasured(payload)) {
        m.endToEndService.record(now - Envelope.actualNanos(payload));
        m.endToEndResponse.record(now - Envelope.intendedNanos(payload));
      }
    }
    // Under ack: auto the target settled the delivery as it handed it out: a later copy is a duplicate.
    if (!manualAck && kind != DeliveryLedger.Kind.UNEXPECTED) m.ledger.onAcked(subscription, id);
    long processingNanos = processing.sample(processingRandom);
    if (processingNanos > 0) {
      try {
        clock.sleepUntil(now + processingNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!manualAck) return;
    if (kind != DeliveryLedger.Kind.UNEXPECTED && rejects.rejectsNext()) {
      // Counted before the reject: a requeued copy may reach another consumer before reject() returns.
      m.ledger.onRejected(subscription, id, rejects.requeue());
      tally.onRejected();
      delivery.reject(rejects.requeue());
      return;
    }
    // The ack counts once ack() returns: a copy the target hands out from within ack() races the
    // ack, so it is a redelivery, not a duplicate.
    delivery.ack();
    if (kind != DeliveryLedger.Kind.UNEXPECTED) m.ledger.onAcked(subscription, id);
  }
}
