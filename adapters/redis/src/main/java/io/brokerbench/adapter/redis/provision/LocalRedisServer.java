package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.ChildProcess;
import io.brokerbench.provision.ChildProcessSpec;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.spi.TargetMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A private redis-server that the harness owns: started from an installed executable as the
 * current user, listening on 127.0.0.1 only, with its configuration, output and data under {@link
 * LocalServerConfig#baseDirectory()} in the run's work directory. The server on 127.0.0.1:6379
 * (Debian's service) is never touched.
 *
 * <h2>Lifecycle</h2>
 * <ul>
 *   <li>{@link #start}: writes the configuration, runs {@code redis-server <redis.conf>} as a {@link
 *       ChildProcess} (own process group, output to its log, stopped by the JVM's shutdown hook and,
 *       if the harness dies without one, by the watchdog) and waits until it answers {@code PING}
 *       (not {@code -LOADING}). On failure the server is stopped and the exception quotes its output.
 *   <li>{@link #close}: SIGTERM (Redis shuts down cleanly: it flushes and fsyncs the append-only
 *       file), SIGKILL after the stop timeout; deletes the data directory unless asked to keep it; the
 *       configuration and log stay.
 *   <li>{@link #kill} and {@link #restart}: a crash (SIGKILL) and a start on the same port and data,
 *       for fault scenarios and the guarantee's tests.
 * </ul>
 *
 * <p>The redis-server process is the child itself ({@code setsid} execs it), so {@link
 * #processIds()} is its pid. Threading: start, kill, restart and close from one harness thread;
 * close is also safe from the shutdown hook, which stops the child directly.
 */
public final class LocalRedisServer implements RedisBroker {
  private final LocalServerConfig config;
  private final boolean keepData;
  private final Consumer<String> log;
  private ChildProcess server;
  private boolean closed;

  private LocalRedisServer(LocalServerConfig config, boolean keepData, Consumer<String> log) {
    this.config = config;
    this.keepData = keepData;
    this.log = log;
  }

  /**
   * Starts a server and waits until it answers.
   *
   * @param keepData whether {@link #close()} keeps the data directory
   * @param log one-line progress messages
   * @throws ProvisionException when the server cannot start, exits, or does not answer within the
   *     start timeout; the message names the port and log and quotes the end of the output
   */
  public static LocalRedisServer start(LocalServerConfig config, boolean keepData, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    LocalRedisServer server = new LocalRedisServer(config, keepData, log);
    try {
      Files.createDirectories(config.dataDirectory());
      Files.writeString(config.configFile(), config.serverConfiguration().text());
      server.launch();
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw new ProvisionException("cannot start redis-server on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
    } catch (ProvisionException | InterruptedException e) {
      server.close();
      throw e;
    }
  }

  private void launch() throws IOException, ProvisionException, InterruptedException {
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    server = ChildProcess.start(ChildProcessSpec.of("redis-server 127.0.0.1:" + config.port(),
            List.of(config.installation().binary().toString(), config.configFile().toString()), config.logFile())
        .withWorkingDirectory(config.baseDirectory())
        .withStopTimeout(config.stopTimeout()));
    while (!PingProbe.pongOnLoopback(config.port(), 200)) {
      if (!server.isAlive()) throw failure("exited during start-up with code " + server.exitValue());
      if (System.nanoTime() > deadline) {
        throw failure("did not answer PING on 127.0.0.1:" + config.port() + " within " + config.startTimeout());
      }
      Thread.sleep(20);
    }
    log.accept("private redis-server " + config.installation().version() + " ready on 127.0.0.1:" + config.port()
        + " (pid " + server.pid() + ", " + config.persistence().describe() + ", data " + config.dataDirectory() + ")");
  }

  private ProvisionException failure(String what) {
    String tail = server == null ? "" : server.logTail(15);
    return new ProvisionException("redis-server (127.0.0.1:" + config.port() + ") " + what + "; its log "
        + config.logFile() + " ends with:\n" + tail);
  }

  /** The server's configuration. */
  public LocalServerConfig config() {
    return config;
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
   * Starts the server again on the same port, configuration and data after {@link #kill} or a stop;
   * returns once it has loaded its data and answers.
   *
   * @throws ProvisionException as {@link #start}
   */
  public void restart() throws ProvisionException, InterruptedException {
    if (closed) throw new IllegalStateException("redis-server 127.0.0.1:" + config.port() + " is closed");
    if (isRunning()) {
      throw new IllegalStateException("redis-server 127.0.0.1:" + config.port() + " still runs (pid " + pid() + ")");
    }
    try {
      launch();
    } catch (IOException e) {
      throw new ProvisionException("cannot restart redis-server on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String url() {
    return config.url();
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
    Map<String, String> out = new LinkedHashMap<>();
    out.put("local.port", Integer.toString(config.port()));
    out.put("local.binary", config.installation().binary().toString());
    out.put("local.directory", config.baseDirectory().toString());
    return out;
  }

  /** Stops the server gracefully (SIGTERM, then SIGKILL after the stop timeout) and deletes its data unless kept. Idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      if (server != null) server.stop();
    } finally {
      if (!keepData) deleteTree(config.dataDirectory());
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Leftover data in the run's work directory is harmless; the server is already stopped.
    }
  }
}
