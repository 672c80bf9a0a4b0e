package io.brokerbench.provision;

import io.brokerbench.testing.KilledHarness;
import java.nio.file.Path;
import java.util.List;

/**
 * A throwaway "harness" for {@link ChildProcessTest}: starts {@code sleep 300} as a {@link
 * ChildProcess}, writes the child's pid to the file given as first argument and waits to be killed.
 * Arguments: pid file, child log file, whether to start the watchdog.
 */
public final class HarnessFixture {
  private HarnessFixture() {}

  public static void main(String[] args) throws Exception {
    Path pidFile = Path.of(args[0]);
    ChildProcess child = ChildProcess.start(
        ChildProcessSpec.of("sleep", List.of("sleep", "300"), Path.of(args[1])).withWatchdog(Boolean.parseBoolean(args[2])));
    KilledHarness.publishPid(pidFile, child.pid());
    Thread.sleep(300_000);
  }
}
