package io.brokerbench.adapter.kafka.broker;

import io.brokerbench.provision.ProvisionException;
import io.brokerbench.spi.TargetMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A single-node KRaft broker in an {@code apache/kafka} container started through Testcontainers,
 * configured like the local broker ({@link LocalBrokerConfig#FAST_SINGLE_NODE}). Testcontainers
 * (and its Ryuk reaper) removes the container when it is closed or the JVM ends. This class is
 * loaded only when a Docker engine answers. Thread-safe.
 */
public final class ContainerKafkaBroker implements KafkaBroker {
  private final KafkaContainer container;
  private final String image;
  private final Duration timeToReady;

  private ContainerKafkaBroker(KafkaContainer container, String image, Duration timeToReady) {
    this.container = container;
    this.image = image;
    this.timeToReady = timeToReady;
  }

  /**
   * The container for {@code image}, configured but not started: the image must be an {@code
   * apache/kafka} (or {@code apache/kafka-native}) image; its environment carries {@link
   * LocalBrokerConfig#FAST_SINGLE_NODE}.
   *
   * @throws IllegalStateException for an image Testcontainers' Kafka module does not support
   */
  public static KafkaContainer configure(String image, Duration readyTimeout) {
    KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
    LocalBrokerConfig.asImageEnvironment(LocalBrokerConfig.FAST_SINGLE_NODE).forEach(container::withEnv);
    container.withStartupTimeout(readyTimeout);
    return container;
  }

  /**
   * Starts the container and waits until Kafka runs.
   *
   * @throws ProvisionException when the container does not start; the message quotes the cause
   */
  public static ContainerKafkaBroker start(String image, Duration readyTimeout) throws ProvisionException {
    KafkaContainer container = configure(image, readyTimeout);
    long started = System.nanoTime();
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw new ProvisionException("cannot start Kafka container " + image + ": " + e.getMessage(), e);
    }
    return new ContainerKafkaBroker(container, image, Duration.ofNanos(System.nanoTime() - started));
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.CONTAINER;
  }

  @Override
  public Optional<String> reportedVersion() {
    String tag = DockerImageName.parse(image).getVersionPart();
    return tag == null || tag.equals("latest") ? Optional.empty() : Optional.of(tag);
  }

  @Override
  public Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("container.image", image);
    facts.put("container.id", String.valueOf(container.getContainerId()));
    facts.put("container.time.to.ready.ms", Long.toString(timeToReady.toMillis()));
    return facts;
  }

  /**
   * {@link LocalBrokerConfig#FAST_SINGLE_NODE}, given to the container as its environment. What
   * Testcontainers adds (listeners, KRaft roles, internal topics, and {@code
   * log.flush.interval.messages} at Kafka's default) does not change when a send is confirmed.
   */
  @Override
  public Optional<Map<String, String>> knownServerConfig() {
    return Optional.of(LocalBrokerConfig.FAST_SINGLE_NODE);
  }

  @Override
  public void close() {
    container.stop();
  }
}
