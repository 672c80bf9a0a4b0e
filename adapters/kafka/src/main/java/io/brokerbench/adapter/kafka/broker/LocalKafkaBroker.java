package io.brokerbench.adapter.kafka.broker;

import io.brokerbench.provision.ChildProcess;
import io.brokerbench.provision.ChildProcessSpec;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.spi.TargetMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) that the harness starts from
 * the {@code kafka_2.13} artifact as a child process, owns and stops.
 *
 * <h2>Start</h2>
 * Two free 127.0.0.1 ports (clients, controller); {@code server.properties} from {@link
 * LocalBrokerConfig} in {@code <directory>}; storage formatted with {@code kafka.tools.StorageTool
 * format --standalone} under {@code <directory>/data}; then {@code kafka.Kafka} with the classpath
 * of {@link LocalBrokerClasspath}. Ready when the client port accepts connections and the Admin
 * client's {@code describeCluster} answers. Both JVMs log (slf4j-simple) to {@code
 * <directory>/format.log} and {@code <directory>/broker.log}, which stay after the run.
 *
 * <h2>Stop</h2>
 * {@link #close()} sends SIGTERM (Kafka shuts down cleanly) and SIGKILL after the stop timeout; a
 * JVM-exit hook and a watchdog ({@link ChildProcess}) stop it if the harness ends otherwise. On a
 * failed start the broker is stopped before the exception is thrown. {@link #kill()} crashes it
 * with SIGKILL and {@link #restart()} starts it again on the same ports and data (fault scenarios).
 *
 * <p>Thread-safety: all methods are synchronized.
 */
public final class LocalKafkaBroker implements KafkaBroker {
  /** How long the storage format may take. */
  static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern VERSION_LINE = Pattern.compile("Kafka version: (\\S+)");

  /**
   * What to start.
   *
   * @param directory owned by this broker: config, data, logs; created when missing
   * @param heapBytes heap of the broker JVM, at least 64 MiB
   * @param readyTimeout how long start or restart may take until the broker answers
   * @param overrides extra {@code server.properties} entries
   */
  public record Options(Path directory, long heapBytes, Duration readyTimeout, Map<String, String> overrides) {
    public Options {
      if (directory == null) throw new IllegalArgumentException("directory must be set");
      if (heapBytes < (64L << 20)) throw new IllegalArgumentException("heapBytes must be at least 64MiB, was " + heapBytes);
      if (readyTimeout == null || readyTimeout.isNegative() || readyTimeout.isZero()) {
        throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
      }
      overrides = Map.copyOf(overrides);
    }
  }

  private final Options options;
  private final LocalBrokerConfig config;
  private final LocalBrokerClasspath classpath;
  private final Path propertiesFile;
  private final Path logFile;
  private ChildProcess process;
  private Duration lastTimeToReady;
  private Duration formatTime;
  private boolean closed;

  private LocalKafkaBroker(Options options, LocalBrokerConfig config, LocalBrokerClasspath classpath) {
    this.options = options;
    this.config = config;
    this.classpath = classpath;
    this.propertiesFile = options.directory().resolve("server.properties");
    this.logFile = options.directory().resolve("broker.log");
  }

  /** Whether a local broker can be started here: its classpath is complete. Fast; never throws. */
  public static boolean possible() {
    try {
      return LocalBrokerClasspath.fromResources().complete();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Formats storage, starts the broker and waits until it answers.
   *
   * @throws ProvisionException when the classpath is incomplete, the format fails, or the broker
   *     exits or does not answer within the ready timeout; the message names the log file and quotes
   *     its last lines. Nothing is left running.
   */
  public static LocalKafkaBroker start(Options options) throws ProvisionException {
    LocalBrokerClasspath classpath = LocalBrokerClasspath.fromResources();
    if (!classpath.complete()) throw new ProvisionException("cannot start a local Kafka broker: " + classpath.problem());
    List<Integer> ports = FreePorts.allocate(2);
    LocalBrokerConfig config = new LocalBrokerConfig(1, ports.get(0), ports.get(1), options.directory().resolve("data"),
        options.overrides());
    LocalKafkaBroker broker = new LocalKafkaBroker(options, config, classpath);
    try {
      Files.createDirectories(options.directory());
      Files.writeString(broker.propertiesFile, config.asPropertiesText(), StandardCharsets.UTF_8);
      broker.format();
      broker.launch();
      return broker;
    } catch (IOException e) {
      broker.close();
      throw new ProvisionException("cannot start a local Kafka broker in " + options.directory() + ": " + e.getMessage(), e);
    } catch (ProvisionException | RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /**
   * A {@code java} command line for {@code mainClass} on the broker classpath. A short-lived tool
   * ({@code longRunning} false) gets the C1 compiler only and the serial collector: it starts
   * faster and never runs long enough to profit from C2.
   */
  private List<String> javaCommand(String mainClass, long heapBytes, boolean longRunning) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    long heapMiB = heapBytes >> 20;
    command.add("-Xms" + (longRunning ? heapMiB : 32) + "m");
    command.add("-Xmx" + heapMiB + "m");
    if (longRunning) {
      command.add("-XX:+UseG1GC");
      command.add("-XX:MaxGCPauseMillis=20");
    } else {
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Djava.awt.headless=true");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    command.add("-Dlog4j2.statusLoggerLevel=OFF");
    command.add("-cp");
    command.add(classpath.asArgument());
    command.add(mainClass);
    return command;
  }

  private void format() throws IOException, ProvisionException {
    long started = System.nanoTime();
    Path formatLog = options.directory().resolve("format.log");
    List<String> command = javaCommand("kafka.tools.StorageTool", 256L << 20, false);
    command.addAll(List.of("format", "--config", propertiesFile.toString(), "--cluster-id", Uuid.randomUuid().toString(),
        "--standalone"));
    ChildProcess format = ChildProcess.start(ChildProcessSpec.of("kafka storage format", command, formatLog)
        .withWorkingDirectory(options.directory()).withStopTimeout(Duration.ofSeconds(5)));
    try {
      if (!format.waitFor(FORMAT_TIMEOUT)) {
        throw new ProvisionException("kafka storage format did not finish within " + FORMAT_TIMEOUT.toSeconds() + "s; log "
            + formatLog + ":\n" + format.logTail(20));
      }
      if (format.exitValue() != 0) {
        throw new ProvisionException("kafka storage format exited with " + format.exitValue() + "; log " + formatLog + ":\n"
            + format.logTail(20));
      }
      formatTime = Duration.ofNanos(System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisionException("interrupted while formatting Kafka storage in " + config.dataDirectory(), e);
    } finally {
      format.stop();
    }
  }

  private void launch() throws IOException, ProvisionException {
    long started = System.nanoTime();
    List<String> command = javaCommand("kafka.Kafka", options.heapBytes(), true);
    command.add(propertiesFile.toString());
    process = ChildProcess.start(ChildProcessSpec.of("kafka broker 127.0.0.1:" + config.brokerPort(), command, logFile)
        .withWorkingDirectory(options.directory()).withStopTimeout(STOP_TIMEOUT));
    awaitReady(started);
  }

  private void awaitReady(long startedNanos) throws ProvisionException {
    long deadline = startedNanos + options.readyTimeout().toNanos();
    try {
      while (!TcpProbe.acceptsOnLoopback(config.brokerPort(), 200)) {
        checkRunning(startedNanos);
        if (System.nanoTime() > deadline) throw notReady(startedNanos, "its client port does not accept connections");
        TimeUnit.MILLISECONDS.sleep(50);
      }
      try (Admin admin = Admin.create(Map.<String, Object>of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
          AdminClientConfig.CLIENT_ID_CONFIG, "bb-local-ready",
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
        while (true) {
          checkRunning(startedNanos);
          try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS);
            lastTimeToReady = Duration.ofNanos(System.nanoTime() - startedNanos);
            return;
          } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            if (System.nanoTime() > deadline) throw notReady(startedNanos, "describeCluster does not answer: " + e);
            TimeUnit.MILLISECONDS.sleep(100);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisionException("interrupted while waiting for the local Kafka broker", e);
    }
  }

  private void checkRunning(long startedNanos) throws ProvisionException {
    if (!process.isAlive()) {
      throw new ProvisionException("the local Kafka broker exited with " + process.exitValue() + " after "
          + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + "ms; log " + logFile + ":\n" + process.logTail(30));
    }
  }

  private ProvisionException notReady(long startedNanos, String why) {
    return new ProvisionException("the local Kafka broker is not ready after "
        + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + "ms (local.start-timeout " + options.readyTimeout()
        + "): " + why + "; log " + logFile + ":\n" + process.logTail(30));
  }

  @Override
  public String bootstrapServers() {
    return "127.0.0.1:" + config.brokerPort();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.LOCAL;
  }

  /** The configuration it runs with. */
  public LocalBrokerConfig config() {
    return config;
  }

  /** The broker's log file. */
  public Path logFile() {
    return logFile;
  }

  /** How long formatting the storage took (a JVM of its own), or null before. */
  public synchronized Duration formatTime() {
    return formatTime;
  }

  /** From the start (or restart) of the broker JVM until {@code describeCluster} answered; null before. */
  public synchronized Duration timeToReady() {
    return lastTimeToReady;
  }

  /** Whether the broker process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public synchronized Optional<String> reportedVersion() {
    try {
      if (!Files.exists(logFile)) return Optional.empty();
      try (var lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
        return lines.map(VERSION_LINE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Every property of the {@code server.properties} this broker was started with. */
  @Override
  public Optional<Map<String, String>> knownServerConfig() {
    return Optional.of(config.properties());
  }

  @Override
  public synchronized Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("local.broker.port", Integer.toString(config.brokerPort()));
    facts.put("local.controller.port", Integer.toString(config.controllerPort()));
    facts.put("local.directory", options.directory().toAbsolutePath().toString());
    facts.put("local.log", logFile.toAbsolutePath().toString());
    facts.put("local.heap.bytes", Long.toString(options.heapBytes()));
    if (formatTime != null) facts.put("local.format.ms", Long.toString(formatTime.toMillis()));
    if (lastTimeToReady != null) facts.put("local.time.to.ready.ms", Long.toString(lastTimeToReady.toMillis()));
    config.overrides().forEach((k, v) -> facts.put("local.server." + k, v));
    return facts;
  }

  @Override
  public synchronized List<Long> processIds() {
    return process != null && process.isAlive() ? List.of(process.pid()) : List.of();
  }

  /** Crashes the broker: SIGKILL to its process group, no clean shutdown. */
  public synchronized void kill() {
    if (process != null) process.kill();
  }

  /**
   * Starts the broker again on the same ports and data after {@link #kill()} or a stop, and waits
   * until it answers.
   *
   * @throws ProvisionException as {@link #start}; the broker is then not running
   */
  public synchronized void restart() throws ProvisionException {
    if (closed) throw new IllegalStateException("the local Kafka broker is closed");
    if (process != null && process.isAlive()) throw new IllegalStateException("the local Kafka broker is still running");
    try {
      launch();
    } catch (IOException e) {
      throw new ProvisionException("cannot restart the local Kafka broker: " + e.getMessage(), e);
    } catch (ProvisionException | RuntimeException e) {
      if (process != null) process.stop();
      throw e;
    }
  }

  /** Stops the broker with SIGTERM, SIGKILL after 20 s. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (process != null) process.stop();
  }

  @Override
  public String toString() {
    return "local Kafka broker " + bootstrapServers() + " (" + options.directory() + ")";
  }
}
