package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.ChildProcess;
import io.brokerbench.provision.ChildProcessSpec;
import io.brokerbench.provision.DirectoryTree;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.provision.Readiness;
import io.brokerbench.spi.TargetMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A private RabbitMQ node the harness owns: started from an installed server as the current user,
 * on loopback ports, with its data and logs under {@link LocalNodeConfig#baseDirectory()}.
 *
 * <h2>Lifecycle</h2>
 * <ul>
 *   <li>{@link #start}: writes the files, shares or starts epmd ({@link PrivateEpmd}), runs
 *       {@code sbin/rabbitmq-server} as a {@link ChildProcess} (own process group, watchdog), waits
 *       for the AMQP port, then for {@code rabbitmqctl -n <node> await_startup}. On any failure
 *       everything started is stopped and the exception quotes the node's console output.
 *   <li>{@link #close}: SIGTERM to the Erlang VM (pid from {@code RABBITMQ_PID_FILE}), SIGKILL after
 *       the stop timeout, then the script and epmd (only when this node started it). Deletes the
 *       data directory unless asked to keep it; logs are kept.
 *   <li>{@link #kill} and {@link #restart}: a crash (SIGKILL to the VM) and a start on the same
 *       ports and data, for fault scenarios.
 * </ul>
 *
 * <p>Threading: start, kill, restart and close are called from one harness thread; close is also
 * safe from the JVM shutdown hook of {@link ChildProcess}, which stops the script's process group.
 */
public final class LocalRabbitNode implements ProvisionedBroker {
  /** How often the AMQP port is probed while the node starts. */
  private static final Duration PORT_POLL = Duration.ofMillis(100);

  private final LocalNodeConfig config;
  private final boolean keepData;
  private final Consumer<String> log;
  private PrivateEpmd epmd;
  private ChildProcess server;
  private long vmPid = -1;
  private boolean closed;

  private LocalRabbitNode(LocalNodeConfig config, boolean keepData, Consumer<String> log) {
    this.config = config;
    this.keepData = keepData;
    this.log = log;
  }

  /**
   * Starts a node and waits until it has booted.
   *
   * @param keepData whether {@link #close()} keeps the data directory
   * @param log one-line progress messages
   * @throws ProvisionException when the node does not start or boot within the start timeout; the
   *     message names the node, its ports and log, and quotes the end of its console output
   */
  public static LocalRabbitNode start(LocalNodeConfig config, boolean keepData, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    return start(config, keepData, log, false);
  }

  /** {@link #start}, with {@code privateEpmd} forcing an epmd of its own even when one runs on 4369. */
  static LocalRabbitNode start(LocalNodeConfig config, boolean keepData, Consumer<String> log, boolean privateEpmd)
      throws ProvisionException, InterruptedException {
    LocalRabbitNode node = new LocalRabbitNode(config, keepData, log);
    try {
      node.writeFiles();
      Path epmdLog = config.logBase().resolve("epmd.log");
      node.epmd = privateEpmd
          ? PrivateEpmd.startPrivate(epmdLog, Duration.ofSeconds(10))
          : PrivateEpmd.shareOrStart(epmdLog, Duration.ofSeconds(10));
      node.launch();
      return node;
    } catch (IOException | RuntimeException e) {
      node.close();
      throw new ProvisionException("cannot start RabbitMQ node " + config.nodeName() + ": " + e.getMessage(), e);
    } catch (ProvisionException | InterruptedException e) {
      node.close();
      throw e;
    }
  }

  private void writeFiles() throws IOException {
    Files.createDirectories(config.homeDirectory());
    Files.createDirectories(config.mnesiaBase());
    Files.createDirectories(config.logBase());
    Path cookie = config.cookieFile();
    if (!Files.exists(cookie)) {
      Files.writeString(cookie, randomCookie(), StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
    }
    Files.writeString(config.configFile(), config.configText());
    Files.writeString(config.envConfFile(), "# empty: no system-wide rabbitmq-env.conf for this node\n");
    Files.writeString(config.enabledPluginsFile(), config.enabledPluginsText());
  }

  private void launch() throws IOException, ProvisionException, InterruptedException {
    Files.deleteIfExists(config.pidFile());
    vmPid = -1;
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    server = ChildProcess.start(ChildProcessSpec.of("rabbitmq " + config.nodeName(),
            List.of(config.installation().serverScript().toString()), config.stdoutLog())
        .withEnvironment(config.environment(epmd.port()))
        .withWorkingDirectory(config.baseDirectory())
        .withStopTimeout(config.stopTimeout()));
    Optional<String> notListening = Readiness.portOpen(config.amqpPort()).await(server, deadline, config.startTimeout(), PORT_POLL);
    if (notListening.isPresent()) throw failure(notListening.get());
    long remainingSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
    CtlResult ready = ctl(List.of("await_startup", "--timeout", Long.toString(remainingSeconds)), Duration.ofSeconds(remainingSeconds + 15));
    if (ready.exitCode() != 0) throw failure("did not boot: rabbitmqctl await_startup exited " + ready.exitCode() + ": " + ready.lastLines(8));
    vmPid = readVmPid();
    log.accept("private node " + config.nodeName() + " ready on 127.0.0.1:" + config.amqpPort()
        + " (pid " + vmPid + ", data " + config.baseDirectory() + ")");
  }

  private ProvisionException failure(String what) {
    String tail = server == null ? "" : server.logTail(15);
    String nodeLog = ChildProcess.tail(config.nodeLog(), 10);
    return new ProvisionException("RabbitMQ node " + config.nodeName() + " (AMQP 127.0.0.1:" + config.amqpPort()
        + ", distribution " + config.distPort() + ") " + what + "; console " + config.stdoutLog() + " ends with:\n" + tail
        + (nodeLog.isEmpty() ? "" : "\nnode log " + config.nodeLog() + " ends with:\n" + nodeLog));
  }

  private long readVmPid() throws ProvisionException {
    try {
      return Long.parseLong(Files.readString(config.pidFile()).strip());
    } catch (IOException | NumberFormatException e) {
      throw failure("booted but its pid file " + config.pidFile() + " is unreadable (" + e.getMessage() + ")");
    }
  }

  /** Output and exit code of a {@code rabbitmqctl} call. */
  public record CtlResult(int exitCode, String output) {
    String lastLines(int n) {
      String[] lines = output.strip().split("\n");
      return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }
  }

  /**
   * Runs {@code rabbitmqctl -n <node> <args>} with the node's environment (cookie, epmd), killing it
   * after {@code timeout}.
   */
  public CtlResult ctl(List<String> args, Duration timeout) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(config.installation().ctlScript().toString());
    command.add("-n");
    command.add(config.nodeName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    config.environment(epmd == null ? 0 : epmd.port()).forEach((k, v) -> {
      if (v == null) env.remove(k);
      else env.put(k, v);
    });
    Path out = Files.createTempFile(config.logBase(), "ctl-", ".out");
    try {
      builder.redirectOutput(out.toFile());
      Process p = builder.start();
      if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        return new CtlResult(-1, "rabbitmqctl " + args + " timed out after " + timeout + "\n" + Files.readString(out));
      }
      return new CtlResult(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The node's configuration. */
  public LocalNodeConfig config() {
    return config;
  }

  /** Pid of the private epmd this node started, or -1 when it shares the one on port 4369. */
  long epmdPid() {
    return epmd == null ? -1 : epmd.pid();
  }

  /** Pid of the Erlang VM, or -1 when it is not running. */
  public long vmPid() {
    return vmPid;
  }

  /** Whether the Erlang VM runs. */
  public boolean isRunning() {
    return vmPid > 0 && ProcessHandle.of(vmPid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** SIGKILL to the Erlang VM, as a crash; waits until it is gone (at most 10 s). */
  public void kill() {
    if (vmPid > 0) {
      ChildProcess.signal(vmPid, true);
      awaitGone(vmPid, Duration.ofSeconds(10));
    }
    if (server != null) server.kill();
    vmPid = -1;
  }

  /**
   * Starts the node again on the same ports, name and data after {@link #kill} or a stop of the VM.
   *
   * @throws ProvisionException as {@link #start}
   */
  public void restart() throws ProvisionException, InterruptedException {
    if (closed) throw new IllegalStateException("node " + config.nodeName() + " is closed");
    if (isRunning()) throw new IllegalStateException("node " + config.nodeName() + " still runs (pid " + vmPid + ")");
    if (server != null) server.stop();
    try {
      launch();
    } catch (IOException e) {
      throw new ProvisionException("cannot restart RabbitMQ node " + config.nodeName() + ": " + e.getMessage(), e);
    }
  }

  /** The node's AMQP URI, {@link LocalNodeConfig#amqpUri()}. */
  @Override
  public String url() {
    return config.amqpUri();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.LOCAL;
  }

  @Override
  public List<Long> processIds() {
    return vmPid > 0 ? List.of(vmPid) : List.of();
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("local.node", config.nodeName());
    out.put("local.amqp-port", Integer.toString(config.amqpPort()));
    out.put("local.dist-port", Integer.toString(config.distPort()));
    out.put("local.server-dir", config.installation().serverDirectory().toString());
    out.put("local.directory", config.baseDirectory().toString());
    out.put("local.epmd", epmd == null || !epmd.owned() ? "shared :" + PrivateEpmd.DEFAULT_PORT : "private :" + epmd.port());
    return out;
  }

  /** Stops the node gracefully (SIGTERM, then SIGKILL after the stop timeout) and what it started. Idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      long pid = vmPid > 0 ? vmPid : pidFromFile();
      if (pid > 0 && ChildProcess.signal(pid, false) && !awaitGone(pid, config.stopTimeout())) {
        log.accept("node " + config.nodeName() + " did not stop within " + config.stopTimeout() + ", killing it");
        ChildProcess.signal(pid, true);
        awaitGone(pid, Duration.ofSeconds(10));
      }
    } finally {
      vmPid = -1;
      if (server != null) server.stop();
      if (epmd != null) epmd.close();
      if (!keepData) DirectoryTree.deleteQuietly(config.mnesiaBase());
    }
  }

  private long pidFromFile() {
    try {
      return Long.parseLong(Files.readString(config.pidFile()).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static boolean awaitGone(long pid, Duration timeout) {
    var handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) return true;
    try {
      handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !handle.get().isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.get().isAlive();
    }
  }

  private static String randomCookie() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 32; i++) sb.append((char) ('A' + random.nextInt(26)));
    return sb.toString();
  }
}
