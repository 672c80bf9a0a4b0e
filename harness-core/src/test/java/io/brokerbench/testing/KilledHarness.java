package io.brokerbench.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway harness JVM that starts a child (a broker, a sleep) and is then killed with SIGKILL,
 * so no shutdown hook runs: for tests that the child does not outlive it. The harness is a {@code
 * main} of the test classpath that starts its child, {@link #publishPid publishes} the child's pid
 * and sleeps.
 */
public final class KilledHarness {
  private KilledHarness() {}

  /**
   * Starts {@code fixture}'s main in a fresh JVM with the test classpath and {@code args}, waits up
   * to {@code startWithin} for it to publish its child's pid to {@code pidFile}, checks that the
   * child runs, sends SIGKILL to the JVM and waits (at most 5 s) until it is gone.
   *
   * @param harnessLog where the JVM's output goes; quoted when it does not start its child
   * @param leftovers gets the JVM's and the child's pid, for the test's clean-up
   * @return the child's pid
   */
  public static long startThenKill(Class<?> fixture, List<String> args, Path pidFile, Path harnessLog,
      Duration startWithin, List<Long> leftovers) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        fixture.getName()));
    command.addAll(args);
    Process harness = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(harnessLog.toFile()).start();
    leftovers.add(harness.pid());
    long deadline = System.nanoTime() + startWithin.toNanos();
    while (!Files.exists(pidFile)) {
      if (!harness.isAlive() || System.nanoTime() > deadline) {
        harness.destroyForcibly();
        fail("the harness did not start its child within " + startWithin + "; its output: " + Files.readString(harnessLog));
      }
      Thread.sleep(50);
    }
    long childPid = Long.parseLong(Files.readString(pidFile).strip());
    leftovers.add(childPid);
    assertTrue(ProcessChecks.isAlive(childPid), "the child runs before the harness is killed");
    harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(harness.waitFor(5, TimeUnit.SECONDS), "the killed harness is gone");
    return childPid;
  }

  /** For the harness's main: writes {@code pid} to {@code pidFile} at once (a sibling file moved in place). */
  public static void publishPid(Path pidFile, long pid) throws IOException {
    Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, Long.toString(pid));
    Files.move(tmp, pidFile);
  }
}
