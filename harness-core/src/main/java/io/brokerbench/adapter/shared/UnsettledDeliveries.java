package io.brokerbench.adapter.shared;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The deliveries one consumer has handed to its listener and the harness has not settled yet
 * (neither acked nor rejected), and the most it ever held at once: the exact figure behind
 * {@link io.brokerbench.spi.TargetConsumer#mostUnacknowledged()} for a consumer that sees every
 * delivery it hands out. A pulling consumer also waits here for room below its prefetch
 * ({@link #awaitBelow}).
 *
 * <p>Bounds: {@link #current()} is 0 or more; {@link #most()} never decreases.
 *
 * <p>Threading: every method may be called from any thread; the consumer's thread counts a delivery
 * in, the harness settles it from its own thread.
 */
public final class UnsettledDeliveries {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settledOne = lock.newCondition();
  private int current;
  private int most;

  /** Counts one delivery handed out. */
  public void handedOut() {
    lock.lock();
    try {
      current++;
      if (current > most) most = current;
    } finally {
      lock.unlock();
    }
  }

  /** Counts one delivery settled (or given back unsettled to the system); wakes a waiter. */
  public void settled() {
    lock.lock();
    try {
      if (current > 0) current--;
      settledOne.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until fewer than {@code bound} deliveries are unsettled, at most {@code nanos}.
   *
   * @return whether there is room now
   */
  public boolean awaitBelow(int bound, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (current >= bound) {
        if (left <= 0) return false;
        left = settledOne.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every thread in {@link #awaitBelow}, e.g. on close; it then checks its own state. */
  public void wakeAll() {
    lock.lock();
    try {
      settledOne.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Deliveries unsettled now. */
  public int current() {
    lock.lock();
    try {
      return current;
    } finally {
      lock.unlock();
    }
  }

  /** The most deliveries unsettled at once so far; 0 before the first. */
  public int most() {
    lock.lock();
    try {
      return most;
    } finally {
      lock.unlock();
    }
  }
}
