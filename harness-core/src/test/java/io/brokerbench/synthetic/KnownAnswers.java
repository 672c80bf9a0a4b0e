package io.brokerbench.synthetic;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
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

  /** Runs {@code workload} with 1 ms to confirm and 1 ms to deliver, and checks that the run ended ok. */
  static RunResult runWithMillisecondDelays(Workload workload, Path dir) {
    long ms = 1_000_000;
    RunResult r = run(FaultScript.delays(new Distribution.Fixed(ms), new Distribution.Fixed(ms), 1), workload, dir);
    org.junit.jupiter.api.Assertions.assertEquals(RunStatus.OK, r.status(), r.error());
    return r;
  }
}
