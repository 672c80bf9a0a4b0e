package io.brokerbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The producer threads of one run: one daemon thread per {@link ProducerTask}. A task that throws
 * anything fails the run with the producer named, unless the user stopped the run (a send cut short
 * by the stop is not the target's failure). A stop request or a failure anywhere in the run stops
 * every producer, interrupting the ones that wait on a confirm or on their next slot.
 *
 * <p>Used by the run's thread only.
 */
final class ProducerThreads {
  private static final long POLL_MILLIS = 100;

  private final List<ProducerTask> tasks;
  private final List<Thread> threads = new ArrayList<>();
  private final RunMeasurements m;
  private final BooleanSupplier stopRequested;

  ProducerThreads(List<ProducerTask> tasks, RunMeasurements m, BooleanSupplier stopRequested) {
    this.tasks = List.copyOf(tasks);
    this.m = m;
    this.stopRequested = stopRequested;
  }

  void start() {
    for (ProducerTask task : tasks) {
      Thread t = new Thread(() -> {
        try {
          task.run();
        } catch (Throwable e) {
          if (!stopRequested.getAsBoolean()) m.fail(failureOf(task, e));
          if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
      }, "bb-producer-" + task.index());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /**
   * Waits until every producer has ended, stopping them all at a stop request or a failure.
   *
   * @return whether the user asked to stop meanwhile
   */
  boolean awaitEnd() throws InterruptedException {
    boolean stopping = false;
    boolean stopped = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        t.join(POLL_MILLIS);
        boolean stop = stopRequested.getAsBoolean();
        stopped |= stop;
        if ((stop || m.failure() != null) && !stopping) {
          stopping = true;
          interrupt();
        }
      }
    }
    return stopped;
  }

  /** Asks every producer to stop and interrupts its waits. */
  void interrupt() {
    tasks.forEach(ProducerTask::requestStop);
    threads.forEach(Thread::interrupt);
  }

  /** Whether every producer's confirms are all in. */
  boolean allConfirmed() {
    return tasks.stream().allMatch(t -> t.inFlight().inFlight() == 0);
  }

  /** Each producer's send lag at the window's end, ns (see {@link ProducerTask#lagAtWindowEndNanos}). */
  long[] lagsAtWindowEndNanos(boolean windowEndsWithSending) {
    long[] lags = new long[tasks.size()];
    for (int p = 0; p < lags.length; p++) lags[p] = tasks.get(p).lagAtWindowEndNanos(windowEndsWithSending);
    return lags;
  }

  /** Why a producer failed: its first send error, when one came before, then what stopped it. */
  static String failureOf(ProducerTask task, Throwable e) {
    String firstSendError = task.firstSendError();
    return "producer " + task.index() + ": "
        + (firstSendError == null ? WorkloadRun.describe(e) : "send failed: " + firstSendError + " (then: " + WorkloadRun.describe(e) + ")");
  }
}
