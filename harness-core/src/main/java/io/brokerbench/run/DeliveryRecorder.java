package io.brokerbench.run;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.measure.DeliveryLedger;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;

/**
 * The harness's listener for one consumer: reads the envelope, updates the ledger and ordering,
 * records end-to-end latency of first deliveries in the measured window, simulates processing
 * time, then acknowledges. Called by the target's delivery thread (one at a time per consumer). An
 * exception or {@link Error} while recording fails the run with the reason and is not passed on to
 * the target.
 */
final class DeliveryRecorder implements DeliveryListener {
  private final int subscription;
  private final RunMeasurements m;
  private final RunClock clock;
  private final long runTag;
  private final long processingNanos;
  private final boolean manualAck;
  private final RunHooks hooks;

  DeliveryRecorder(int subscription, RunMeasurements m, RunClock clock, long runTag, long processingNanos, AckMode ackMode,
      RunHooks hooks) {
    this.hooks = hooks;
    this.subscription = subscription;
    this.m = m;
    this.clock = clock;
    this.runTag = runTag;
    this.processingNanos = processingNanos;
    this.manualAck = ackMode == AckMode.MANUAL;
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
    long id = Envelope.messageId(payload);
    DeliveryLedger.Kind kind = m.ledger.onDelivery(subscription, id, Envelope.producer(payload), Envelope.key(payload),
        Envelope.sequence(payload), delivery.redelivered());
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
    if (processingNanos > 0) {
      try {
        clock.sleepUntil(now + processingNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (manualAck) {
      // The ack counts once ack() returns: a copy the target hands out from within ack() races the
      // ack, so it is a redelivery, not a duplicate.
      delivery.ack();
      if (kind != DeliveryLedger.Kind.UNEXPECTED) m.ledger.onAcked(subscription, id);
    }
  }
}
