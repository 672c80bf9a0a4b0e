package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.adapter.rabbitmq.provision.ContainerConfig;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of target {@code rabbitmq}, typed and checked for combinations the broker refuses.
 *
 * @param provision how the broker is provided
 * @param uri external server URI, or null (see {@link io.brokerbench.adapter.rabbitmq.provision.ExternalAddress})
 * @param queueType type of every queue
 * @param durable whether queues and exchanges survive a broker restart
 * @param persistent whether messages are published with delivery mode 2 (written to disk)
 * @param confirms whether publisher confirms are on; off, a send completes as soon as the client
 *     has written the frame
 * @param mandatory whether unroutable messages are returned (the send then fails)
 * @param maxInFlight most unconfirmed messages per producer; {@code send} blocks at the limit
 * @param sharedConnections false: one connection per producer and per consumer; true: one
 *     connection for all producers and one for all consumers of the run
 * @param streamOffset where a consumer of a stream queue starts: first, next or last
 * @param cleanup whether the run's queues and exchanges are deleted when the target closes
 * @param serverDirectory the {@code rabbitmq_server-*} directory for a local node, or null to search
 * @param startTimeout bound on a local node or container becoming ready
 * @param stopTimeout bound on a local node's graceful stop before SIGKILL
 * @param keepData whether a local node's data directory is kept after the run
 * @param containerImage the image for testcontainers
 */
public record RabbitMqSettings(
    ProvisionMode provision,
    String uri,
    QueueType queueType,
    boolean durable,
    boolean persistent,
    boolean confirms,
    boolean mandatory,
    int maxInFlight,
    boolean sharedConnections,
    String streamOffset,
    boolean cleanup,
    String serverDirectory,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    String containerImage) {

  public RabbitMqSettings {
    if (queueType.alwaysDurable() && !durable) {
      throw new IllegalArgumentException("queue.durable must be true for queue.type " + queueType.yamlName()
          + " (RabbitMQ has no transient " + queueType.yamlName() + " queues), found false");
    }
    if (maxInFlight < 1 || maxInFlight > 1_000_000) {
      throw new IllegalArgumentException("publisher.max-in-flight must be between 1 and 1000000, found " + maxInFlight);
    }
    if (!List.of("first", "next", "last").contains(streamOffset)) {
      throw new IllegalArgumentException("stream.offset must be first, next or last, found '" + streamOffset + "'");
    }
  }

  /** Every setting the target accepts. */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.choice("provision", "auto",
            "how the broker is provided: auto (testcontainers, else local, else external), testcontainers, local or external",
            ProvisionMode.yamlNameArray()),
        SettingSpec.of("uri", SettingType.STRING, null,
            "external server, amqp://user:pass@host:port/vhost; else BROKERBENCH_RABBITMQ_URI, "
                + "~/.brokerbench/brokers/rabbitmq/uri, amqp://guest:guest@127.0.0.1:5672"),
        SettingSpec.choice("queue.type", "classic", "type of every queue", "classic", "quorum", "stream"),
        SettingSpec.of("queue.durable", SettingType.BOOLEAN, "true", "queues and exchanges survive a broker restart"),
        SettingSpec.of("message.persistent", SettingType.BOOLEAN, "true", "publish with delivery mode 2 (persistent)"),
        SettingSpec.of("publisher.confirms", SettingType.BOOLEAN, "true",
            "publisher confirms; off, a send completes once written to the socket"),
        SettingSpec.of("publisher.mandatory", SettingType.BOOLEAN, "true", "unroutable messages are returned and their send fails"),
        SettingSpec.of("publisher.max-in-flight", SettingType.INTEGER, "10000",
            "most unconfirmed messages per producer (messages); send blocks at the limit"),
        SettingSpec.of("connections.shared", SettingType.BOOLEAN, "false",
            "false: a connection per producer and per consumer; true: one for all producers and one for all consumers"),
        SettingSpec.choice("stream.offset", "first", "where a stream-queue consumer starts reading", "first", "next", "last"),
        SettingSpec.of("cleanup", SettingType.BOOLEAN, "true", "delete the run's queues and exchanges when the target closes"),
        SettingSpec.of("local.server-dir", SettingType.STRING, null,
            "rabbitmq_server-<version> directory of an installed server; searched under /usr/lib/rabbitmq/lib when unset"),
        SettingSpec.of("local.start-timeout", SettingType.DURATION, "90s", "bound on a local node or container becoming ready"),
        SettingSpec.of("local.stop-timeout", SettingType.DURATION, "30s", "bound on a local node's graceful stop before SIGKILL"),
        SettingSpec.of("local.keep-data", SettingType.BOOLEAN, "false", "keep a local node's data directory after the run"),
        SettingSpec.of("container.image", SettingType.STRING, ContainerConfig.DEFAULT_IMAGE, "RabbitMQ image for testcontainers"));
  }

  /**
   * The settings that have no effect with these values, each with the reason, by name: what
   * {@link io.brokerbench.spi.TargetInfo#settings()} shows as not applicable instead of a value.
   */
  public Map<String, String> withoutEffect() {
    Map<String, String> out = new TreeMap<>();
    RabbitMqGuarantee.persistentWithoutEffect(queueType, durable).ifPresent(why -> out.put("message.persistent", why));
    if (!confirms) out.put("publisher.max-in-flight", "publisher confirms are off: a send is never in flight");
    if (queueType != QueueType.STREAM) out.put("stream.offset", "only a stream queue is read from an offset");
    return out;
  }

  /** Typed view of validated {@code settings}; throws IllegalArgumentException for refused combinations. */
  public static RabbitMqSettings from(Settings settings) {
    return new RabbitMqSettings(
        ProvisionMode.fromYaml(settings.getString("provision")),
        settings.getString("uri"),
        QueueType.fromYaml(settings.getString("queue.type")),
        settings.getBoolean("queue.durable"),
        settings.getBoolean("message.persistent"),
        settings.getBoolean("publisher.confirms"),
        settings.getBoolean("publisher.mandatory"),
        settings.getInt("publisher.max-in-flight"),
        settings.getBoolean("connections.shared"),
        settings.getString("stream.offset"),
        settings.getBoolean("cleanup"),
        settings.getString("local.server-dir"),
        settings.getDuration("local.start-timeout"),
        settings.getDuration("local.stop-timeout"),
        settings.getBoolean("local.keep-data"),
        settings.getString("container.image"));
  }
}
