package io.brokerbench.adapter.kafka.broker;

import io.brokerbench.provision.BrokerHints;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionFacts;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.spi.HostPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Makes a Kafka broker available as the {@code provision} setting asks: {@code testcontainers}, a
 * {@code local} KRaft broker, an {@code external} one, or {@code auto} (testcontainers when a Docker
 * engine answers, else local when the broker's jars are resolved, else external when something
 * answers at the bootstrap address). The checks for {@code auto} run lazily in that order and take
 * milliseconds when nothing answers (no Docker socket, a closed port). An {@code external} broker
 * must accept a TCP connection within {@link #EXTERNAL_CONNECT_BUDGET}. Stateless.
 */
public final class KafkaProvisioner {
  /** Where an external broker is looked for when neither the settings nor the environment say. */
  public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

  /** Environment variable with bootstrap servers for external mode. */
  public static final String BOOTSTRAP_ENV = "BROKERBENCH_KAFKA_BOOTSTRAP";

  /** Environment variable naming the state directory of {@code scripts/brokers}. */
  public static final String BROKERS_DIR_ENV = "BROKERBENCH_BROKERS_DIR";

  private static final int EXTERNAL_PROBE_TIMEOUT_MILLIS = 500;

  /** How long, in all, an external broker's bootstrap servers may take to accept a TCP connection. */
  static final Duration EXTERNAL_CONNECT_BUDGET = Duration.ofSeconds(2);

  private KafkaProvisioner() {}

  /**
   * What to provision.
   *
   * @param containerImage the image for testcontainers
   * @param localHeapBytes heap of a local broker
   * @param readyTimeout how long a started broker may take to answer
   * @param directory where a local broker keeps its config, data and log
   */
  public record Request(String containerImage, long localHeapBytes, Duration readyTimeout, Path directory) {}

  /** The bootstrap servers for external mode and where they came from. */
  public record ExternalAddress(String bootstrapServers, String source) {}

  /**
   * Where an external broker is: the {@code bootstrap-servers} setting, else {@code
   * $BROKERBENCH_KAFKA_BOOTSTRAP}, else the file {@code kafka/bootstrap} that {@code scripts/brokers
   * start kafka} writes under {@code $BROKERBENCH_BROKERS_DIR} (default {@code ~/.brokerbench/brokers}),
   * else {@link #DEFAULT_BOOTSTRAP}.
   *
   * @param environment variables as from {@link System#getenv()}; {@code HOME} locates the default
   *     brokers directory
   */
  public static ExternalAddress externalAddress(Optional<String> fromSettings, Map<String, String> environment) {
    if (fromSettings.isPresent()) return new ExternalAddress(fromSettings.get(), "settings bootstrap-servers");
    String env = environment.get(BOOTSTRAP_ENV);
    if (env != null && !env.isBlank()) return new ExternalAddress(env.trim(), "$" + BOOTSTRAP_ENV);
    Path file = brokersDirectory(environment).resolve("kafka").resolve("bootstrap");
    try {
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!text.isEmpty()) return new ExternalAddress(text, file + " (scripts/brokers)");
      }
    } catch (IOException e) {
      // Unreadable: fall through to the default, which the message names.
    }
    return new ExternalAddress(DEFAULT_BOOTSTRAP, "default");
  }

  private static Path brokersDirectory(Map<String, String> environment) {
    String dir = environment.get(BROKERS_DIR_ENV);
    if (dir != null && !dir.isBlank()) return Path.of(dir);
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".brokerbench", "brokers");
  }

  /** Wording of the choice's messages for Kafka. */
  static BrokerHints hints(ExternalAddress address) {
    return new BrokerHints("Kafka",
        "the kafka_2.13 jars, which Maven resolves when adapters/kafka is built on this machine"
            + " (./mvnw -pl adapters/kafka -am package)",
        address.bootstrapServers() + " (" + address.source() + "; set BROKERBENCH_KAFKA_BOOTSTRAP or the"
            + " bootstrap-servers setting, or run scripts/brokers start kafka)");
  }

  /**
   * Chooses the mode for {@code requested}, probing lazily: Docker first, the local broker's jars
   * only when Docker does not answer, the external address only when neither is available.
   *
   * @param docker probes the Docker engine ({@link DockerProbe#probe()})
   * @param localPossible whether a local broker can be started ({@link LocalKafkaBroker#possible()})
   * @param externalAnswers whether something accepts connections at the given bootstrap servers
   * @throws ProvisionException for {@code auto} with nothing available, saying how to get a broker
   */
  public static ProvisionChoice choose(ProvisionMode requested, ExternalAddress address, Supplier<DockerProbe.Result> docker,
      BooleanSupplier localPossible, Predicate<String> externalAnswers) throws ProvisionException {
    BrokerHints hints = hints(address);
    if (requested != ProvisionMode.AUTO) return ProvisionChoice.decide(requested, new ProvisionFacts(false, false, false), hints);
    DockerProbe.Result dockerResult = docker.get();
    if (dockerResult.answers()) return ProvisionChoice.decide(requested, new ProvisionFacts(true, false, false), hints);
    if (localPossible.getAsBoolean()) return ProvisionChoice.decide(requested, new ProvisionFacts(false, true, false), hints);
    boolean external = externalAnswers.test(address.bootstrapServers());
    try {
      return ProvisionChoice.decide(requested, new ProvisionFacts(false, false, external), hints);
    } catch (ProvisionException e) {
      throw new ProvisionException(e.getMessage() + " (Docker: " + dockerResult.detail() + ")");
    }
  }

  /** {@link #choose} with the real probes. */
  public static ProvisionChoice choose(ProvisionMode requested, ExternalAddress address) throws ProvisionException {
    return choose(requested, address, DockerProbe::probe, LocalKafkaBroker::possible, KafkaProvisioner::answers);
  }

  /** Whether the first of {@code bootstrapServers} ({@code host:port}) accepts a TCP connection within 500 ms. */
  public static boolean answers(String bootstrapServers) {
    List<HostPort> servers;
    try {
      servers = HostPort.parseList(bootstrapServers);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return TcpProbe.accepts(servers.get(0).host(), servers.get(0).port(), EXTERNAL_PROBE_TIMEOUT_MILLIS);
  }

  /**
   * Checks that an external broker is there before any Kafka client is made, which would retry for
   * its API timeout and log a warning per attempt: some bootstrap server must accept a TCP
   * connection, each tried in turn, within {@link #EXTERNAL_CONNECT_BUDGET} shared among them.
   *
   * @throws ProvisionException in one line: the address, where it came from, and what each server did
   */
  static void requireReachable(ExternalAddress address) throws ProvisionException {
    List<HostPort> servers;
    try {
      servers = HostPort.parseList(address.bootstrapServers());
    } catch (IllegalArgumentException e) {
      throw new ProvisionException("Kafka bootstrap servers '" + address.bootstrapServers() + "' (" + address.source()
          + ") are not host:port[,host:port]: " + e.getMessage());
    }
    int timeoutMillis = (int) Math.max(100, EXTERNAL_CONNECT_BUDGET.toMillis() / servers.size());
    List<String> tried = new ArrayList<>();
    for (HostPort server : servers) {
      Optional<String> refusal = TcpProbe.refusal(server.host(), server.port(), timeoutMillis);
      if (refusal.isEmpty()) return;
      tried.add(server + " (" + refusal.get() + ")");
    }
    throw new ProvisionException("no Kafka answers at " + address.bootstrapServers() + " (" + address.source()
        + "): tried a TCP connection to " + String.join(", ", tried)
        + "; start one with scripts/brokers start kafka, or set provision: local or testcontainers");
  }

  /**
   * Provisions the chosen mode.
   *
   * @throws ProvisionException when the broker cannot be started, or an external one does not
   *     accept connections; nothing is left running
   */
  public static KafkaBroker provision(ProvisionChoice choice, Request request, ExternalAddress address)
      throws ProvisionException {
    return switch (choice.mode()) {
      case TESTCONTAINERS -> ContainerKafkaBroker.start(request.containerImage(), request.readyTimeout());
      case LOCAL -> LocalKafkaBroker.start(new LocalKafkaBroker.Options(request.directory(), request.localHeapBytes(),
          request.readyTimeout(), Map.of()));
      case EXTERNAL -> {
        requireReachable(address);
        yield new ExternalKafkaBroker(address.bootstrapServers(), address.source());
      }
      case AUTO -> throw new IllegalArgumentException("a choice is never auto");
    };
  }
}
