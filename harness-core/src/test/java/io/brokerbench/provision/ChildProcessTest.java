package io.brokerbench.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.brokerbench.testing.ProcessChecks.assertGone;

import io.brokerbench.testing.KilledHarness;
import io.brokerbench.testing.ProcessChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir Path dir;

  /** Pids this test must not leave behind, whatever happens. */
  private final List<Long> cleanup = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (long pid : cleanup) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void writesOutputToTheLogFileAndReportsTheExit() throws Exception {
    Path log = dir.resolve("logs/child.log");
    ChildProcess child = ChildProcess.start(ChildProcessSpec.of("echo", List.of("/bin/sh", "-c", "echo hello; echo oops >&2"), log));
    assertTrue(child.waitFor(Duration.ofSeconds(10)));
    assertEquals(0, child.exitValue());
    assertEquals("hello\noops", Files.readString(log).strip());
    assertEquals("hello\noops", child.logTail(5));
    child.stop();
  }

  @Test
  void stopTerminatesTheChildAndEverythingInItsGroup() throws Exception {
    Path grandchildPidFile = dir.resolve("grandchild.pid");
    ChildProcess child = ChildProcess.start(ChildProcessSpec.of("tree",
        List.of("/bin/sh", "-c", "sleep 300 & echo $! > " + grandchildPidFile + "; wait"), dir.resolve("tree.log")));
    cleanup.add(child.pid());
    long grandchild = awaitPid(grandchildPidFile);
    cleanup.add(grandchild);

    child.stop();

    assertFalse(child.isAlive());
    assertGone(grandchild, Duration.ofSeconds(5));
    assertGone(child.watchdogPid(), Duration.ofSeconds(5));
  }

  @Test
  void stopEscalatesToSigkillWhenTheChildIgnoresSigterm() throws Exception {
    Path ready = dir.resolve("ready");
    ChildProcess child = ChildProcess.start(ChildProcessSpec.of("stubborn",
            List.of("/bin/sh", "-c", "trap '' TERM; touch " + ready + "; while :; do sleep 0.1; done"), dir.resolve("stubborn.log"))
        .withStopTimeout(Duration.ofMillis(300)));
    cleanup.add(child.pid());
    awaitFile(ready);

    child.stop();

    assertFalse(child.isAlive());
  }

  @Test
  void missingProgramIsReportedAtStartNamingIt() {
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ChildProcess.start(
        ChildProcessSpec.of("ghost", List.of("no-such-program-bb"), dir.resolve("ghost.log"))));
    assertTrue(e.getMessage().startsWith("ghost: program 'no-such-program-bb' is not on the PATH"), e.getMessage());
    java.io.IOException e2 = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ChildProcess.start(
        ChildProcessSpec.of("ghost", List.of(dir.resolve("absent.sh").toString()), dir.resolve("ghost.log"))));
    assertTrue(e2.getMessage().endsWith("absent.sh is not an executable file"), e2.getMessage());
  }

  @Test
  void killEndsTheChildAtOnce() throws Exception {
    ChildProcess child = ChildProcess.start(ChildProcessSpec.of("sleeper", List.of("sleep", "300"), dir.resolve("sleeper.log")));
    cleanup.add(child.pid());
    child.kill();
    assertFalse(child.isAlive());
    child.stop(); // idempotent after kill
  }

  @Test
  void watchdogEndsTheChildWhenTheHarnessIsKilledWithSigkill() throws Exception {
    long child = runHarnessAndKillIt(true);
    assertGone(child, Duration.ofSeconds(5));
  }

  /** Negative control: without the watchdog the same child outlives the killed harness. */
  @Test
  void withoutWatchdogTheChildOutlivesAKilledHarness() throws Exception {
    long child = runHarnessAndKillIt(false);
    Thread.sleep(2000);
    assertTrue(ProcessChecks.isAlive(child),
        "without a watchdog the child should still run after the harness died");
  }

  /** Starts {@link HarnessFixture} in a fresh JVM, waits for its child, then SIGKILLs the JVM; returns the child's pid. */
  private long runHarnessAndKillIt(boolean watchdog) throws Exception {
    Path pidFile = dir.resolve("child.pid");
    return KilledHarness.startThenKill(HarnessFixture.class,
        List.of(pidFile.toString(), dir.resolve("fixture-child.log").toString(), Boolean.toString(watchdog)), pidFile,
        dir.resolve("harness.log"), Duration.ofSeconds(20), cleanup);
  }

  private static long awaitPid(Path file) throws Exception {
    awaitFile(file);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(file).strip();
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) return Long.parseLong(text);
      Thread.sleep(20);
    }
    throw new AssertionError("no pid in " + file);
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline) throw new AssertionError(file + " did not appear within 20 s");
      Thread.sleep(20);
    }
  }
}
