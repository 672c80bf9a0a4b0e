package io.brokerbench.adapter.kafka.broker;

import io.brokerbench.spi.TargetMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kafka cluster made available for one run: a local child broker, a container, or an external
 * server. Closing stops what was started (nothing for an external server). Thread-safe.
 */
public interface KafkaBroker extends AutoCloseable {

  /** {@code host:port[,host:port]} for the clients. */
  String bootstrapServers();

  /** How the broker is reached. */
  TargetMode mode();

  /**
   * The version the broker itself reported (its {@code Kafka version:} log line, or the container
   * image's tag), or empty when it cannot be known from here (an external server).
   */
  Optional<String> reportedVersion();

  /** Facts about the provisioning for {@code TargetInfo.settings()}, e.g. ports, log file, time to ready. */
  Map<String, String> facts();

  /**
   * The server properties the broker runs with beyond Kafka's defaults, when the harness started it
   * and so knows them (a property absent from the map has Kafka's default); empty when the broker's
   * configuration is not known here (an external server).
   */
  Optional<Map<String, String>> knownServerConfig();

  /** OS pids of broker processes this harness owns; empty for containers and external servers. */
  default List<Long> processIds() {
    return List.of();
  }

  /** Stops what was started. Idempotent; never throws. */
  @Override
  void close();
}
