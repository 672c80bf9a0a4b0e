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
 * <p>Message {@code i} of producer {@code p} has id {@code i × producers + p} and the key its
 * {@link KeyChooser} gives ({@code i mod keys} by default); its sequence number counts the
 * producer's messages of that key.
 */
final class ProducerTask {
  private final int producer;
  private final int producers;
  private final TargetProducer target;
  private final TopologyPlan plan;
  private final RunMeasurements m;
  private final RunWindow window;
  private final RateSchedule schedule;
  private final KeyChooser keyChooser;
  private final PayloadFiller filler;
  private final InFlightWindow inFlight;
  private final RunClock clock;
  private final int messageSize;
  private final long runTag;
  private final long confirmTimeoutNanos;
  private final byte[][] keyBytes;
  private final int[] partitionOfKey;
  private final int[] destinationOfKey;
  /** Messages sent to each destination × partition, index {@code d × partitions + p}; producer thread writes. */
  private final long[] sentByPartition;
  private final AtomicReference<String> firstSendError = new AtomicReference<>();
  private volatile boolean stopRequested;
  /** Actual − intended send time of the latest measured message, ns; producer thread writes. */
  private volatile long lastMeasuredLagNanos;
  /** Window end − intended time of the first window slot sent at or after the window's end; -1 while none. */
  private volatile long lagAtWindowEndNanos = -1;

  private final RunHooks hooks;

  /**
   * What every producer of a run shares.
   *
   * @param producers how many producers the run has, ≥ 1
   * @param maxInFlight unconfirmed messages a producer may have, ≥ 1
   * @param messageSize bytes per message, envelope included
   * @param runTag the run's tag in every envelope
   * @param confirmTimeoutNanos longest wait for a free in-flight slot before the producer fails
   */
  record Shared(int producers, TopologyPlan plan, RunMeasurements m, RunWindow window, RunClock clock, RunHooks hooks,
      int maxInFlight, int messageSize, long runTag, long confirmTimeoutNanos) {}

  /**
   * Producer {@code producer} (0-based) of the run, sending through {@code target} on {@code
   * schedule}, its keys chosen by {@code keyChooser} and its messages filled by {@code filler}.
   */
  ProducerTask(int producer, TargetProducer target, RateSchedule schedule, KeyChooser keyChooser, PayloadFiller filler,
      Shared shared) {
    this.hooks = shared.hooks();
    this.producer = producer;
    this.producers = shared.producers();
    this.target = target;
    this.plan = shared.plan();
    this.m = shared.m();
    this.window = shared.window();
    this.schedule = schedule;
    this.keyChooser = keyChooser;
    this.filler = filler;
    this.inFlight = new InFlightWindow(shared.maxInFlight(), shared.clock());
    this.clock = shared.clock();
    this.messageSize = shared.messageSize();
    this.runTag = shared.runTag();
    this.confirmTimeoutNanos = shared.confirmTimeoutNanos();
    int keys = plan.keys();
    keyBytes = new byte[keys][];
    partitionOfKey = new int[keys];
    destinationOfKey = new int[keys];
    sentByPartition = new long[plan.destinations() * plan.partitions()];
    for (int k = 0; k < keys; k++) {
      keyBytes[k] = KafkaPartitioner.keyBytes(k);
      partitionOfKey[k] = plan.partitionOfKey(k);
      destinationOfKey[k] = plan.destinationOfKey(k);
    }
  }

  /**
   * Asks the loop to stop after the current message (Ctrl-C, or a failure elsewhere in the run); a
   * producer blocked in a wait also needs its thread interrupted.
   */
  void requestStop() {
    stopRequested = true;
  }

  /** This producer's index, 0-based. */
  int index() {
    return producer;
  }

  /** The first failed confirm's reason, or null. */
  String firstSendError() {
    return firstSendError.get();
  }

  /**
   * How far behind its schedule this producer was at the window's end, in ns, ≥ 0: for a window
   * with a fixed end, the end minus the intended time of the first slot of the window it had not
   * sent by then (0 when it had sent them all); for a window that ends with the sending (counted or
   * interrupted), the lag of its last measured send. Call once the producer has stopped.
   */
  long lagAtWindowEndNanos(boolean windowEndsWithSending) {
    if (schedule.isMaxRate()) return 0;
    if (windowEndsWithSending) return Math.max(0, lastMeasuredLagNanos);
    return Math.max(0, lagAtWindowEndNanos);
  }

  /**
   * Messages this producer sent to each destination × partition, index {@code d × partitions + p};
   * read once its thread has ended.
   */
  long[] sentByPartition() {
    return sentByPartition.clone();
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
      hooks.beforeSend(producer, i);
      boolean measured = intended >= window.measureStartNanos() && intended < window.measureEndNanos()
          && (!counted || measuredSent < measuredQuota);
      int key = keyChooser.keyOf(i);
      long sequence = sequenceOfKey[key]++;
      long id = i * producers + producer;
      byte[] payload = new byte[messageSize];
      filler.fill(payload, Envelope.SIZE);
      Envelope.write(payload, runTag, measured ? Envelope.FLAG_MEASURED : 0, producer, key, sequence, id, intended, 0);
      MessageVariant variant = plan.variantOf(id);
      OutgoingMessage message = new OutgoingMessage(destinationOfKey[key], partitionOfKey[key], keyBytes[key],
          variant.routingKey(), variant.headers(), payload);
      long actual = maxRate ? intended : clock.nanoTime();
      Envelope.writeActual(payload, actual);
      m.ledger.onSent(producer, id);
      m.meter.onSent(actual);
      sentByPartition[destinationOfKey[key] * plan.partitions() + partitionOfKey[key]]++;
      if (measured) {
        measuredSent++;
        lastMeasuredLagNanos = actual - intended;
        if (lagAtWindowEndNanos < 0 && actual >= window.measureEndNanos()) {
          lagAtWindowEndNanos = window.measureEndNanos() - intended;
        }
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
      // The producer's index is added by whoever reports the failure (ProducerThreads).
      throw new ProducerStuckException("no confirm for " + (confirmTimeoutNanos / 1_000_000) + " ms with "
          + inFlight.inFlight() + " messages in flight (maxInFlight)");
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
      m.meter.onConfirmed(now);
      if (m.window.contains(now)) {
        m.window.onConfirmed(now);
        for (int s = 0; s < plan.subscriptionCount(); s++) if (m.ledger.routes(s, id)) m.window.onExpected(s, now);
      }
      if (measured) {
        m.publishService.record(now - actual);
        m.publishResponse.record(now - intended);
      }
    } else {
      m.ledger.onFailed(id);
      firstSendError.compareAndSet(null, WorkloadRun.describe(error));
    }
    inFlight.release();
  }
}
