package io.brokerbench.provision;

import io.brokerbench.spi.TargetMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A private broker server that the harness owns, started from an installed executable as the
 * current user on a loopback port, with its files under {@link LocalServerSpec#directory()}; what
 * the server is comes from its {@link LocalServerSpec}, the lifecycle is this class's.
 *
 * <h2>Lifecycle</h2>
 * <ul>
 *   <li>{@link #start}: creates the data directory, writes the files, runs the command as a {@link
 *       ChildProcess} (own process group, output to its log, stopped by the JVM's shutdown hook and,
 *       if the harness dies without one, by the watchdog) and waits until it is ready. On failure the
 *       server is stopped and the exception quotes the end of its log.
 *   <li>{@link #close}: SIGTERM, SIGKILL after the stop timeout; deletes the data directory unless
 *       asked to keep it; the files and log stay.
 *   <li>{@link #kill} and {@link #restart}: a crash (SIGKILL) and a start with the same port, files
 *       and data, for fault scenarios and tests.
 * </ul>
 *
 * <p>The server process is the child itself ({@code setsid} execs it), so {@link #processIds()} is
 * its pid. Threading: start, kill, restart and close from one harness thread; close is also safe
 * from the shutdown hook, which stops the child directly.
 */
public final class LocalServer implements ProvisionedBroker {
  /** How often readiness is probed while the server starts. */
  private static final Duration READY_POLL = Duration.ofMillis(20);
  /** How many lines of its log a failure quotes. */
  private static final int LOG_LINES_QUOTED = 15;

  private final LocalServerSpec spec;
  private final boolean keepData;
  private final Consumer<String> log;
  private ChildProcess server;
  private boolean closed;

  private LocalServer(LocalServerSpec spec, boolean keepData, Consumer<String> log) {
    this.spec = spec;
    this.keepData = keepData;
    this.log = log;
  }

  /**
   * Starts a server and waits until it is ready.
   *
   * @param keepData whether {@link #close()} keeps the data directory
   * @param log one-line progress messages
   * @throws ProvisionException when the server cannot start, exits, or is not ready within the
   *     start timeout; the message names the server and its log and quotes the end of the log
   */
  public static LocalServer start(LocalServerSpec spec, boolean keepData, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    LocalServer server = new LocalServer(spec, keepData, log);
    try {
      Files.createDirectories(spec.dataDirectory());
      for (Map.Entry<Path, String> file : spec.files().entrySet()) Files.writeString(file.getKey(), file.getValue());
      server.launch();
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw new ProvisionException("cannot start " + spec.title() + ": " + e.getMessage(), e);
    } catch (ProvisionException | InterruptedException e) {
      server.close();
      throw e;
    }
  }

  private void launch() throws IOException, ProvisionException, InterruptedException {
    long deadline = System.nanoTime() + spec.startTimeout().toNanos();
    server = ChildProcess.start(ChildProcessSpec.of(spec.title(), spec.command(), spec.logFile())
        .withWorkingDirectory(spec.directory())
        .withStopTimeout(spec.stopTimeout()));
    var problem = spec.readiness().await(server, deadline, spec.startTimeout(), READY_POLL);
    if (problem.isPresent()) throw failure(problem.get());
    log.accept(spec.readyLine().apply(server.pid()));
  }

  private ProvisionException failure(String what) {
    return new ProvisionException(spec.title() + " " + what + "; its log " + spec.logFile() + " ends with:\n"
        + server.logTail(LOG_LINES_QUOTED));
  }

  /** What the server is. */
  public LocalServerSpec spec() {
    return spec;
  }

  /** Whether the server process runs. */
  public boolean isRunning() {
    return server != null && server.isAlive();
  }

  /** The server's pid, or -1 before it started. */
  public long pid() {
    return server == null ? -1 : server.pid();
  }

  /** SIGKILL to the server, as a crash; returns once it is gone (at most 5 s). */
  public void kill() {
    if (server != null) server.kill();
  }

  /**
   * Starts the server again with the same port, files and data after {@link #kill} or a stop;
   * returns once it is ready.
   *
   * @throws ProvisionException as {@link #start}
   * @throws IllegalStateException when it is closed or still runs
   */
  public void restart() throws ProvisionException, InterruptedException {
    if (closed) throw new IllegalStateException(spec.title() + " is closed");
    if (isRunning()) throw new IllegalStateException(spec.title() + " still runs (pid " + pid() + ")");
    try {
      launch();
    } catch (IOException e) {
      throw new ProvisionException("cannot restart " + spec.title() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String url() {
    return spec.url();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.LOCAL;
  }

  @Override
  public List<Long> processIds() {
    return isRunning() ? List.of(server.pid()) : List.of();
  }

  @Override
  public Map<String, String> describe() {
    return spec.description();
  }

  /**
   * Stops the server gracefully (SIGTERM, then SIGKILL after the stop timeout) and deletes its data
   * directory unless kept. Idempotent.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      if (server != null) server.stop();
    } finally {
      if (!keepData) DirectoryTree.deleteQuietly(spec.dataDirectory());
    }
  }
}
