package io.brokerbench.synthetic;

import io.brokerbench.results.RunResult;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Workload;
import io.brokerbench.testing.VirtualRunClock;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real runner against the synthetic target on a simulated clock. */
final class KnownAnswers {
  static final long T0 = 1_000_000_000_000L;

  private KnownAnswers() {}

  static RunResult run(FaultScript script, Workload workload, Path dir) {
    VirtualRunClock clock = new VirtualRunClock(T0);
    Scheduler scheduler = new Scheduler() {
      @Override
      public void at(long atNanos, Runnable action) {
        clock.schedule(atNanos, action);
      }

      @Override
      public void close() {}
    };
    SyntheticTarget target = new SyntheticTarget(script, Map.of(), clock::nanoTime, scheduler);
    return new WorkloadRun(clock, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("synthetic", target, workload, 1, "ka", dir, null));
  }
}
