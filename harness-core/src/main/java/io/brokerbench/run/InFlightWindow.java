package io.brokerbench.run;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the unconfirmed messages of one producer ({@code maxInFlight}).
 *
 * <p>{@link #acquire} is called by the producer's thread only; {@link #release} by whatever thread
 * completes a confirm. Waiting goes through the {@link RunClock}, so the time a producer is held
 * back shows in the response time and tests can simulate it.
 */
final class InFlightWindow {
  private final int capacity;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final RunClock clock;

  InFlightWindow(int capacity, RunClock clock) {
    if (capacity < 1) throw new IllegalArgumentException("maxInFlight must be >= 1, was " + capacity);
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Takes a slot if one is free, without waiting. */
  boolean tryAcquire() {
    if (inFlight.get() >= capacity) return false;
    inFlight.incrementAndGet();
    return true;
  }

  /** Takes a slot, waiting until one is free or the deadline passes; false on timeout. */
  boolean acquire(long deadlineNanos) throws InterruptedException {
    if (inFlight.get() >= capacity && !clock.awaitCondition(() -> inFlight.get() < capacity, deadlineNanos)) {
      return false;
    }
    inFlight.incrementAndGet();
    return true;
  }

  void release() {
    inFlight.decrementAndGet();
    clock.signal();
  }

  int inFlight() {
    return inFlight.get();
  }
}
