package io.brokerbench.testing;

import io.brokerbench.run.RunClock;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A simulated clock for exact, sleep-free tests: time moves only when a thread waits on it, and
 * events scheduled with {@link #schedule} run, in time order, on the thread that moves time past
 * them (ties in scheduling order).
 *
 * <p>Meant for one driving thread at a time (one producer, then the runner's drain); all methods
 * are synchronized so other threads may read the time safely.
 */
public final class VirtualRunClock implements RunClock {
  private record Event(long at, long order, Runnable action) {}

  private final PriorityQueue<Event> events =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
  private long now;
  private long order;

  public VirtualRunClock(long startNanos) {
    this.now = startNanos;
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  /** Runs {@code action} when time reaches {@code atNanos} (at once, on the next wait, if already past). */
  public synchronized void schedule(long atNanos, Runnable action) {
    events.add(new Event(Math.max(atNanos, now), order++, action));
  }

  /** Moves time to {@code t}, running every event due on the way. */
  public synchronized void advanceTo(long t) {
    while (!events.isEmpty() && events.peek().at <= t) {
      Event e = events.poll();
      now = Math.max(now, e.at);
      e.action.run();
    }
    now = Math.max(now, t);
  }

  @Override
  public synchronized void sleepUntil(long deadlineNanos) {
    advanceTo(deadlineNanos);
  }

  @Override
  public synchronized boolean awaitCondition(BooleanSupplier condition, long deadlineNanos) {
    while (!condition.getAsBoolean()) {
      if (events.isEmpty() || events.peek().at > deadlineNanos) {
        now = Math.max(now, deadlineNanos);
        return condition.getAsBoolean();
      }
      Event e = events.poll();
      now = Math.max(now, e.at);
      e.action.run();
    }
    return true;
  }

  @Override
  public void signal() {}
}
