package io.brokerbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;

/** Assertions on OS processes a test started or expects gone. */
public final class ProcessChecks {
  private ProcessChecks() {}

  /**
   * Waits up to {@code within} for process {@code pid} to be gone (or a zombie no longer alive);
   * fails naming it otherwise. A negative pid (none was started) passes at once.
   */
  public static void assertGone(long pid, Duration within) throws InterruptedException {
    if (pid < 0) return;
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty() || !handle.get().isAlive()) return;
      Thread.sleep(50);
    }
    fail("process " + pid + " still runs " + within.toMillis() + " ms later");
  }

  /** Whether process {@code pid} exists and runs. */
  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
