package io.brokerbench.run;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One producer's loop: follows the rate schedule (or max rate), bounds unconfirmed messages,
 * writes the envelope, sends, and records the confirm. Runs on its own thread.
 *
 * <p>Message {@code i} of producer {@code p} has id {@code i × producers + p} and key
 * {@code i mod keys}; its sequence number counts the producer's messages of that key.
 */
final class ProducerTask {
  private final int producer;
  private final int producers;
  private final TargetProducer target;
  private final TopologyPlan plan;
  private final RunMeasurements m;
  private final RunWindow window;
  private final RateSchedule schedule;
  private final InFlightWindow inFlight;
  private final RunClock clock;
  private final int messageSize;
  private final long runTag;
  private final long confirmTimeoutNanos;
  private final byte[][] keyBytes;
  private final int[] partitionOfKey;
  private final int[] destinationOfKey;
  private final AtomicReference<String> firstSendError = new AtomicReference<>();
  private volatile boolean stopRequested;

  ProducerTask(int producer, int producers, TargetProducer target, TopologyPlan plan, RunMeasurements m, RunWindow window,
      RateSchedule schedule, int maxInFlight, RunClock clock, int messageSize, long runTag, long confirmTimeoutNanos) {
    this.producer = producer;
    this.producers = producers;
    this.target = target;
    this.plan = plan;
    this.m = m;
    this.window = window;
    this.schedule = schedule;
    this.inFlight = new InFlightWindow(maxInFlight, clock);
    this.clock = clock;
    this.messageSize = messageSize;
    this.runTag = runTag;
    this.confirmTimeoutNanos = confirmTimeoutNanos;
    int keys = plan.keys();
    keyBytes = new byte[keys][];
    partitionOfKey = new int[keys];
    destinationOfKey = new int[keys];
    for (int k = 0; k < keys; k++) {
      keyBytes[k] = KafkaPartitioner.keyBytes(k);
      partitionOfKey[k] = plan.partitionOfKey(k);
      destinationOfKey[k] = plan.destinationOfKey(k);
    }
  }

  /** Asks the loop to stop after the current message (Ctrl-C, or another producer failed). */
  void requestStop() {
    stopRequested = true;
  }

  /** The first failed confirm's reason, or null. */
  String firstSendError() {
    return firstSendError.get();
  }

  InFlightWindow inFlight() {
    return inFlight;
  }

  /**
   * Sends until the window or count ends.
   *
   * @throws ProducerStuckException when no confirm frees a slot within the confirm timeout
   * @throws Exception what the target's send threw
   */
  void run() throws Exception {
    int keys = plan.keys();
    long[] sequenceOfKey = new long[keys];
    boolean counted = window.isCounted();
    long measuredQuota = counted ? window.measuredPerProducer()[producer] : 0;
    long measuredSent = 0;
    boolean maxRate = schedule.isMaxRate();
    for (long i = 0; !stopRequested; i++) {
      long intended;
      if (!maxRate) {
        intended = schedule.intendedNanos(i);
        if (intended >= window.measureEndNanos()) break;
        if (counted && measuredSent >= measuredQuota && intended >= window.measureStartNanos()) break;
        clock.sleepUntil(intended);
        acquireSlot();
      } else {
        acquireSlot();
        // At max rate the intended send time is the actual one, taken once the slot is ours.
        intended = clock.nanoTime();
        if (intended >= window.measureEndNanos()
            || (counted && measuredSent >= measuredQuota && intended >= window.measureStartNanos())) {
          inFlight.release();
          break;
        }
      }
      boolean measured = intended >= window.measureStartNanos() && intended < window.measureEndNanos()
          && (!counted || measuredSent < measuredQuota);
      int key = (int) (i % keys);
      long sequence = sequenceOfKey[key]++;
      long id = i * producers + producer;
      byte[] payload = new byte[messageSize];
      Envelope.write(payload, runTag, measured ? Envelope.FLAG_MEASURED : 0, producer, key, sequence, id, intended, 0);
      MessageVariant variant = plan.variantOf(id);
      OutgoingMessage message = new OutgoingMessage(destinationOfKey[key], partitionOfKey[key], keyBytes[key],
          variant.routingKey(), variant.headers(), payload);
      long actual = maxRate ? intended : clock.nanoTime();
      Envelope.writeActual(payload, actual);
      m.ledger.onSent(producer, id);
      m.meter.onSent();
      if (measured) {
        measuredSent++;
        m.measuredSent.increment();
        RunMeasurements.advance(m.lastMeasuredSentAt, actual);
      }
      CompletableFuture<Void> future;
      try {
        future = target.send(message);
      } catch (Exception e) {
        inFlight.release();
        throw e;
      }
      if (future.isDone()) {
        onSettled(id, intended, actual, measured, failureOf(future));
      } else {
        final long fIntended = intended;
        future.whenComplete((v, error) -> onSettled(id, fIntended, actual, measured, error));
      }
    }
  }

  private void acquireSlot() throws InterruptedException, ProducerStuckException {
    if (inFlight.tryAcquire()) return;
    if (!inFlight.acquire(clock.nanoTime() + confirmTimeoutNanos)) {
      throw new ProducerStuckException("producer " + producer + ": no confirm for "
          + (confirmTimeoutNanos / 1_000_000) + " ms with " + inFlight.inFlight() + " messages in flight (maxInFlight)");
    }
  }

  private static Throwable failureOf(CompletableFuture<Void> done) {
    if (!done.isCompletedExceptionally()) return null;
    try {
      done.get();
      return null;
    } catch (ExecutionException | CompletionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (Exception e) {
      return e;
    }
  }

  private void onSettled(long id, long intended, long actual, boolean measured, Throwable error) {
    long now = clock.nanoTime();
    if (error == null) {
      m.ledger.onConfirmed(id);
      m.meter.onConfirmed();
      if (measured) {
        m.publishService.record(now - actual);
        m.publishResponse.record(now - intended);
        m.measuredConfirmed.increment();
        RunMeasurements.advance(m.lastMeasuredConfirmAt, now);
      }
    } else {
      m.ledger.onFailed(id);
      firstSendError.compareAndSet(null, String.valueOf(error.getMessage()));
    }
    inFlight.release();
  }
}
