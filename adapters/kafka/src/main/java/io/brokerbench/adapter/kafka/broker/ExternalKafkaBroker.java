package io.brokerbench.adapter.kafka.broker;

import io.brokerbench.spi.TargetMode;
import java.util.Map;
import java.util.Optional;

/** A Kafka cluster someone else runs, reached by bootstrap servers; never started or stopped here. */
public final class ExternalKafkaBroker implements KafkaBroker {
  private final String bootstrapServers;
  private final String source;

  /**
   * @param bootstrapServers {@code host:port[,host:port]}
   * @param source where the address came from, e.g. {@code settings} or {@code $BROKERBENCH_KAFKA_BOOTSTRAP}
   */
  public ExternalKafkaBroker(String bootstrapServers, String source) {
    this.bootstrapServers = bootstrapServers;
    this.source = source;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public TargetMode mode() {
    return TargetMode.EXTERNAL;
  }

  @Override
  public Optional<String> reportedVersion() {
    return Optional.empty();
  }

  @Override
  public Map<String, String> facts() {
    return Map.of("external.bootstrap.source", source);
  }

  /** Empty: someone else configured this broker. */
  @Override
  public Optional<Map<String, String>> knownServerConfig() {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
