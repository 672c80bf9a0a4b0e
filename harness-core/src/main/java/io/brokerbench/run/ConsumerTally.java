package io.brokerbench.run;

import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.spi.TargetConsumer;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one consumer did: its deliveries of this run's messages, how many were flagged redelivered,
 * how many it rejected, and how long it spent handling them (processing included), in nanoseconds.
 *
 * <p>Threading: written by the consumer's delivery thread only (the target calls one consumer's
 * listener one delivery at a time), with release stores so that no per-delivery fence is needed; read
 * by the run's thread once the consumer has closed.
 */
final class ConsumerTally {
  private final int subscription;
  private final int consumer;
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicLong redelivered = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();

  ConsumerTally(int subscription, int consumer) {
    this.subscription = subscription;
    this.consumer = consumer;
  }

  void onDelivery(boolean redeliveredFlag) {
    deliveries.setRelease(deliveries.getPlain() + 1);
    if (redeliveredFlag) redelivered.setRelease(redelivered.getPlain() + 1);
  }

  void onRejected() {
    rejected.setRelease(rejected.getPlain() + 1);
  }

  void onBusy(long nanos) {
    busyNanos.setRelease(busyNanos.getPlain() + nanos);
  }

  /**
   * The consumer's record.
   *
   * @param consumingNanos how long consumers ran, the busy share's denominator; > 0
   * @param target the closed consumer, for what it counted itself
   */
  ConsumerRecord record(long consumingNanos, TargetConsumer target) {
    OptionalInt most = target.mostUnacknowledged();
    double busyShare = busyNanos.getAcquire() / (double) Math.max(consumingNanos, 1);
    return new ConsumerRecord(subscription, consumer, deliveries.getAcquire(), redelivered.getAcquire(),
        rejected.getAcquire(), busyShare, most.isPresent() ? most.getAsInt() : null);
  }
}
