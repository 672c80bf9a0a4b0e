package io.brokerbench.run;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs a step that may block for long (a target opening, a broker starting) on its own thread, so
 * that a stop request (Ctrl-C) ends the wait at once: the step's thread is interrupted and given
 * {@value #GRACE_MILLIS} ms to give up, then the caller goes on to close the target, whatever the
 * step does.
 */
final class StoppableCall {
  /** How long an interrupted step may take to give up, in ms. */
  static final long GRACE_MILLIS = 3000;
  private static final long POLL_MILLIS = 50;

  /** The step was cut short by a stop request. */
  static final class StoppedException extends Exception {
    StoppedException(String step) {
      super("stopped by the user while " + step);
    }
  }

  private StoppableCall() {}

  /**
   * Runs {@code step} and returns its value, or throws what it threw (an {@link Error} wrapped in an
   * {@link Exception} whose cause it is).
   *
   * @param what what the step does, for the thread's name and the stop message ("opening the target")
   * @throws StoppedException when {@code stopRequested} became true first
   */
  static <T> T call(String what, Callable<T> step, BooleanSupplier stopRequested) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        value.set(step.call());
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "bb-" + what.replace(' ', '-'));
    t.setDaemon(true);
    t.start();
    while (t.isAlive()) {
      t.join(POLL_MILLIS);
      if (t.isAlive() && stopRequested.getAsBoolean()) {
        t.interrupt();
        t.join(GRACE_MILLIS);
        throw new StoppedException(what);
      }
    }
    Throwable e = thrown.get();
    if (e instanceof Exception ex) throw ex;
    if (e != null) throw new Exception(WorkloadRun.describe(e), e);
    return value.get();
  }
}
