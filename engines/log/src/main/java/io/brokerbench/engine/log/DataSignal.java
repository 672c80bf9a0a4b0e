package io.brokerbench.engine.log;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wake-up flag a waiting reader registers with the partitions it reads: an append (or a group
 * rebalance, or a close) {@link #signal() signals} it; {@link #await} returns at once when a signal
 * arrived since the last wait, so no wake-up is lost between a check and the wait.
 *
 * <p>Thread-safe. Any thread may signal; one thread at a time should await.
 */
public final class DataSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private boolean signalled;
  private volatile boolean waiting;

  /** Sets the flag and wakes the waiter, if any. Cheap when nobody waits. */
  public void signal() {
    lock.lock();
    try {
      signalled = true;
      if (waiting) arrived.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Clears the flag; call before checking for data, then {@link #await} if there was none. */
  public void clear() {
    lock.lock();
    try {
      signalled = false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until signalled or {@code timeoutNanos} pass, then clears the flag.
   *
   * @return whether a signal arrived
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean await(long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long remaining = timeoutNanos;
      waiting = true;
      while (!signalled && remaining > 0) {
        remaining = arrived.awaitNanos(remaining);
      }
      boolean got = signalled;
      signalled = false;
      return got;
    } finally {
      waiting = false;
      lock.unlock();
    }
  }

  /** Waits like {@link #await(long)} with a unit. */
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return await(unit.toNanos(timeout));
  }
}
