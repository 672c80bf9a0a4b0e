package io.brokerbench.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The real clock: {@link System#nanoTime()}, sleeping by parking.
 *
 * <p>{@link #sleepUntil} spins for the last {@value #SPIN_NANOS} ns and parks before that, so a fixed
 * rate schedule is kept to within tens of microseconds without burning a core. {@link
 * #awaitCondition} spins briefly, then parks until {@link #signal()} (which costs one volatile read
 * when nobody waits) or at most {@value #MAX_PARK_MICROS} µs.
 */
public final class SystemRunClock implements RunClock {
  /** The shared instance. */
  public static final SystemRunClock INSTANCE = new SystemRunClock();
  private static final long MAX_PARK_MICROS = 200;
  private static final long SPIN_NANOS = 100_000;

  private final Set<Thread> waiters = ConcurrentHashMap.newKeySet();
  private final AtomicInteger waiting = new AtomicInteger();

  private SystemRunClock() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleepUntil(long deadlineNanos) throws InterruptedException {
    while (true) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) return;
      if (Thread.interrupted()) throw new InterruptedException();
      if (remaining > SPIN_NANOS) {
        LockSupport.parkNanos(Math.min(remaining - SPIN_NANOS, TimeUnit.MILLISECONDS.toNanos(50)));
      } else {
        Thread.onSpinWait();
      }
    }
  }

  @Override
  public boolean awaitCondition(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
    int spins = 0;
    while (!condition.getAsBoolean()) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) return false;
      if (Thread.interrupted()) throw new InterruptedException();
      if (spins++ < 100) {
        Thread.onSpinWait();
        continue;
      }
      Thread me = Thread.currentThread();
      waiting.incrementAndGet();
      waiters.add(me);
      try {
        if (!condition.getAsBoolean()) {
          LockSupport.parkNanos(Math.min(remaining, TimeUnit.MICROSECONDS.toNanos(MAX_PARK_MICROS)));
        }
      } finally {
        waiters.remove(me);
        waiting.decrementAndGet();
      }
    }
    return true;
  }

  @Override
  public void signal() {
    if (waiting.get() == 0) return;
    for (Thread t : waiters) LockSupport.unpark(t);
  }
}
