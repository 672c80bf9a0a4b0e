package io.brokerbench.provision;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OS process the harness owns (a child broker), which never outlives the harness.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The child runs in its own session and process group ({@code setsid}, Linux util-linux), so
 *       a Ctrl-C in the harness's terminal does not reach it, and {@link #stop()} and
 *       {@link #kill()} reach everything it started in that group (an Erlang VM and its port
 *       programs, a JVM). Where {@code setsid} is missing the child shares the harness's group and
 *       only the child and its descendants are signalled.
 *   <li>stdout and stderr go to {@link ChildProcessSpec#logFile()} (appended); stdin is
 *       {@code /dev/null}.
 *   <li>At JVM exit (normal exit, {@code System.exit}, SIGTERM, SIGINT) a shutdown hook calls
 *       {@link #stop()} on every child still running, in parallel.
 *   <li>If the JVM dies without running shutdown hooks (SIGKILL, a crash), a watchdog (a small
 *       {@code /bin/sh} loop in its own session, started with the child) notices within about 500 ms
 *       that the harness pid is gone, sends SIGTERM to the child's group, and SIGKILL after
 *       {@link ChildProcessSpec#stopTimeout()}. The watchdog exits by itself when the child's group
 *       is gone, and is killed by {@link #stop()} / {@link #kill()}.
 * </ul>
 *
 * <p>Threading: all methods are thread-safe; {@link #stop()} and {@link #kill()} are idempotent and
 * may race with each other and with the shutdown hook.
 *
 * <p>Limitations: a process that leaves the group on purpose (a daemon calling {@code setsid}, as
 * {@code epmd -daemon} does) is not reached; start such programs in the foreground as their own
 * {@code ChildProcess}. The watchdog recognises the harness by pid; should the pid be reused within
 * the 500 ms poll after the harness died, the child lives on until that process exits. A harness
 * that is a zombie (dead, not yet reaped by its parent) counts as gone where {@code /proc} exists.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
  private static final Path SETSID = findSetsid();

  /**
   * The watchdog loop. Arguments: harness pid, child pid (= its process group when in its own
   * session), seconds to wait between SIGTERM and SIGKILL. dash's builtin kill takes {@code -PGID}
   * but not {@code --}.
   */
  private static final String WATCHDOG_SCRIPT = String.join("\n",
      "h=$1; c=$2; g=$3",
      "alive() { kill -0 -$c 2>/dev/null || kill -0 $c 2>/dev/null; }",
      "harness() {",
      "  kill -0 $h 2>/dev/null || return 1",
      "  [ -r /proc/$h/stat ] || return 0",
      "  read -r s < /proc/$h/stat || return 0",
      "  case \"${s##*) }\" in Z*) return 1;; esac",
      "}",
      "while harness; do",
      "  alive || exit 0",
      "  sleep 0.5",
      "done",
      "kill -TERM -$c 2>/dev/null; kill -TERM $c 2>/dev/null",
      "i=0",
      "while [ $i -lt $((g * 10)) ] && alive; do sleep 0.1; i=$((i + 1)); done",
      "kill -KILL -$c 2>/dev/null; kill -KILL $c 2>/dev/null",
      "exit 0");

  private final ChildProcessSpec spec;
  private final Process process;
  private final boolean ownGroup;
  private final Process watchdog;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private ChildProcess(ChildProcessSpec spec, Process process, boolean ownGroup, Process watchdog) {
    this.spec = spec;
    this.process = process;
    this.ownGroup = ownGroup;
    this.watchdog = watchdog;
  }

  /**
   * Starts the process described by {@code spec}; returns once it is forked (not once it is ready:
   * readiness is the caller's protocol).
   *
   * @throws IOException when the program cannot be started or the log file cannot be created; the
   *     message names the command and the log file
   */
  public static ChildProcess start(ChildProcessSpec spec) throws IOException {
    installShutdownHook();
    requireExecutable(spec);
    Path log = spec.logFile().toAbsolutePath();
    if (log.getParent() != null) Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    boolean ownGroup = SETSID != null;
    if (ownGroup) command.add(SETSID.toString());
    command.addAll(spec.command());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (spec.workingDirectory() != null) builder.directory(spec.workingDirectory().toFile());
    Map<String, String> env = builder.environment();
    spec.environment().forEach((k, v) -> {
      if (v == null) env.remove(k);
      else env.put(k, v);
    });
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException(spec.name() + ": cannot start " + spec.command() + " (log " + log + "): " + e.getMessage(), e);
    }
    Process watchdog = null;
    if (spec.watchdog()) {
      try {
        watchdog = startWatchdog(process.pid(), spec.stopTimeout());
      } catch (IOException e) {
        destroyTree(process, true);
        throw new IOException(spec.name() + ": cannot start the watchdog for " + spec.command() + ": " + e.getMessage(), e);
      }
    }
    ChildProcess child = new ChildProcess(spec, process, ownGroup, watchdog);
    LIVE.add(child);
    return child;
  }

  /**
   * Fails early and clearly for a program that does not exist: behind {@code setsid} a missing
   * program would only show as an exit code and a line in the log.
   */
  private static void requireExecutable(ChildProcessSpec spec) throws IOException {
    String program = spec.command().get(0);
    if (program.contains("/")) {
      Path path = spec.workingDirectory() == null ? Path.of(program) : spec.workingDirectory().resolve(program);
      if (!Files.isExecutable(path)) throw new IOException(spec.name() + ": " + path + " is not an executable file");
      return;
    }
    String pathVariable = spec.environment().containsKey("PATH") ? spec.environment().get("PATH") : System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return;
      }
    }
    throw new IOException(spec.name() + ": program '" + program + "' is not on the PATH (" + pathVariable + ")");
  }

  private static Process startWatchdog(long childPid, Duration stopTimeout) throws IOException {
    long graceSeconds = Math.max(1, (stopTimeout.toMillis() + 999) / 1000);
    List<String> command = new ArrayList<>();
    if (SETSID != null) command.add(SETSID.toString());
    command.addAll(List.of("/bin/sh", "-c", WATCHDOG_SCRIPT, "brokerbench-watchdog",
        Long.toString(ProcessHandle.current().pid()), Long.toString(childPid), Long.toString(graceSeconds)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** The child's pid (also its process group id when it runs in its own session). */
  public long pid() {
    return process.pid();
  }

  /** The spec it was started with. */
  public ChildProcessSpec spec() {
    return spec;
  }

  /** Whether the child process itself is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The watchdog's pid, or -1 without a watchdog. */
  public long watchdogPid() {
    return watchdog == null ? -1 : watchdog.pid();
  }

  /**
   * Waits up to {@code timeout} for the child to exit by itself.
   *
   * @return whether it exited
   */
  public boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The child's exit code; only valid once it has exited. */
  public int exitValue() {
    return process.exitValue();
  }

  /**
   * Sends SIGTERM to the child, waits up to {@link ChildProcessSpec#stopTimeout()} for it to exit,
   * then sends SIGKILL to its whole group and to any descendants left, and stops the watchdog.
   * Returns once the child has exited (or 5 s after SIGKILL, which the kernel does not refuse).
   * Idempotent.
   */
  public void stop() {
    stop(spec.stopTimeout());
  }

  /** {@link #stop()} with another wait between SIGTERM and SIGKILL. */
  public void stop(Duration timeout) {
    if (!stopped.compareAndSet(false, true)) {
      awaitExit(Duration.ofSeconds(5));
      return;
    }
    try {
      List<ProcessHandle> descendants = process.descendants().toList();
      if (process.isAlive()) {
        process.destroy();
        awaitExit(timeout);
      }
      signalGroup("KILL");
      descendants.forEach(ProcessHandle::destroyForcibly);
      destroyTree(process, true);
      awaitExit(Duration.ofSeconds(5));
    } finally {
      stopWatchdog();
      LIVE.remove(this);
    }
  }

  /**
   * Sends SIGKILL to the child's group, the child and its descendants at once (a crash, for fault
   * scenarios), waits up to 5 s for the child to be reaped and stops the watchdog. Idempotent.
   */
  public void kill() {
    stopped.set(true);
    try {
      signalGroup("KILL");
      destroyTree(process, true);
      awaitExit(Duration.ofSeconds(5));
    } finally {
      stopWatchdog();
      LIVE.remove(this);
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * The last {@code maxLines} lines of the log file (1 to 1000), for error messages; empty when the
   * log cannot be read.
   */
  public String logTail(int maxLines) {
    return tail(spec.logFile(), maxLines);
  }

  /** The last {@code maxLines} lines of {@code file}, joined with newlines; empty when unreadable. */
  public static String tail(Path file, int maxLines) {
    if (maxLines < 1 || maxLines > 1000) throw new IllegalArgumentException("maxLines must be between 1 and 1000, was " + maxLines);
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      Deque<String> last = new ArrayDeque<>(maxLines);
      lines.forEach(line -> {
        if (last.size() == maxLines) last.removeFirst();
        last.addLast(line);
      });
      return String.join("\n", last);
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  /** Sends SIGTERM ({@code false}) or SIGKILL ({@code true}) to {@code pid}; false when it was not running. */
  public static boolean signal(long pid, boolean force) {
    return ProcessHandle.of(pid).map(h -> force ? h.destroyForcibly() : h.destroy()).orElse(false);
  }

  @Override
  public String toString() {
    return spec.name() + " (pid " + pid() + ")";
  }

  private void awaitExit(Duration timeout) {
    try {
      process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void signalGroup(String signal) {
    if (!ownGroup) return;
    try {
      Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " -" + process.pid() + " 2>/dev/null; exit 0")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) kill.destroyForcibly();
    } catch (IOException e) {
      // The direct signals that follow still reach the child and its descendants.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopWatchdog() {
    if (watchdog != null && watchdog.isAlive()) {
      destroyTree(watchdog, true);
    }
  }

  private static void destroyTree(Process process, boolean force) {
    process.descendants().forEach(h -> {
      if (force) h.destroyForcibly();
      else h.destroy();
    });
    if (force) process.destroyForcibly();
    else process.destroy();
  }

  private static void installShutdownHook() {
    if (HOOK_INSTALLED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::stopAllAtExit, "brokerbench-child-process-stopper"));
    }
  }

  private static void stopAllAtExit() {
    List<Thread> stoppers = new ArrayList<>();
    for (ChildProcess child : List.copyOf(LIVE)) {
      Thread t = new Thread(child::stop, "brokerbench-stop-" + child.pid());
      t.start();
      stoppers.add(t);
    }
    for (Thread t : stoppers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Path findSetsid() {
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }
}
