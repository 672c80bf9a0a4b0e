package io.brokerbench.synthetic;

import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** A {@link Scheduler} on one daemon thread that sleeps until the next action is due. */
final class RealTimeScheduler implements Scheduler {
  private record Task(long at, long order, Runnable action) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
  private final LongSupplier clock;
  private final Thread thread;
  private long order;
  private volatile boolean running = true;

  RealTimeScheduler(LongSupplier clock) {
    this.clock = clock;
    this.thread = new Thread(this::loop, "bb-synthetic");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void at(long atNanos, Runnable action) {
    synchronized (tasks) {
      tasks.add(new Task(atNanos, order++, action));
    }
    LockSupport.unpark(thread);
  }

  private void loop() {
    while (running) {
      Task next;
      synchronized (tasks) {
        next = tasks.peek();
        if (next != null && next.at <= clock.getAsLong()) tasks.poll();
        else next = next == null ? null : new Task(next.at, -1, null);
      }
      if (next == null) {
        LockSupport.parkNanos(1_000_000);
      } else if (next.action == null) {
        long wait = next.at - clock.getAsLong();
        if (wait > 20_000) LockSupport.parkNanos(wait - 10_000);
        else Thread.onSpinWait();
      } else {
        next.action.run();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
