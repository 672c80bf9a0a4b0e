package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.adapter.rabbitmq.provision.ContainerConfig;
import io.brokerbench.adapter.rabbitmq.provision.ExternalAddress;
import io.brokerbench.adapter.rabbitmq.provision.ProvisionRequest;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.provision.ChildProcessSpec;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * @param limits message TTL, maximum length, delivery limit and dead-lettering of every queue
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
    QueueLimits limits,
    boolean cleanup,
    String serverDirectory,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    String containerImage) {

  /** The most unconfirmed messages a producer may have. */
  static final int MAX_IN_FLIGHT = 1_000_000;

  /**
   * Checks what no single setting's range can: combinations RabbitMQ refuses. Every value on its
   * own was checked against {@link #specs()}.
   */
  public RabbitMqSettings {
    if (queueType.alwaysDurable() && !durable) {
      throw new SettingsException("queue.durable", "queue.durable must be true for queue.type " + queueType.yamlName()
          + " (RabbitMQ has no transient " + queueType.yamlName() + " queues), found false");
    }
    limits.refusalFor(queueType).ifPresent(reason -> {
      throw new SettingsException("queue.type", reason);
    });
  }

  /** Every setting the target accepts, each with the range the client and the broker take. */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.choice("provision", "auto",
            "how the broker is provided: auto (testcontainers, else local, else external), testcontainers, local or external",
            ProvisionMode.yamlNameArray()),
        SettingSpec.text("uri", null, ExternalAddress.FORM,
            "external server, amqp://user:pass@host:port/vhost; else BROKERBENCH_RABBITMQ_URI, "
                + "~/.brokerbench/brokers/rabbitmq/uri, amqp://guest:guest@127.0.0.1:5672"),
        SettingSpec.choice("queue.type", "classic", "type of every queue", "classic", "quorum", "stream"),
        SettingSpec.of("queue.durable", SettingType.BOOLEAN, "true", "queues and exchanges survive a broker restart"),
        SettingSpec.of("message.persistent", SettingType.BOOLEAN, "true", "publish with delivery mode 2 (persistent)"),
        SettingSpec.of("producer.confirms", SettingType.BOOLEAN, "true",
            "publisher confirms; off, a send completes once written to the socket"),
        SettingSpec.of("producer.mandatory", SettingType.BOOLEAN, "true", "unroutable messages are returned and their send fails"),
        SettingSpec.integer("producer.max-in-flight", "10000", 1, MAX_IN_FLIGHT,
            "most unconfirmed messages per producer (messages); send blocks at the limit"),
        SettingSpec.of("connections.shared", SettingType.BOOLEAN, "false",
            "false: a connection per producer and per consumer; true: one for all producers and one for all consumers"),
        SettingSpec.choice("stream.offset", "first", "where a stream-queue consumer starts reading", "first", "next", "last"),
        SettingSpec.duration("queue.message-ttl", null, QueueLimits.MESSAGE_TTL,
            "x-message-ttl: a message waiting ready in a queue longer than this expires and is counted as removed "
                + "(expired), not lost; unset: never; classic and quorum queues"),
        SettingSpec.integer("queue.max-length", null, QueueLimits.COUNT,
            "x-max-length: most ready messages a queue holds (delivered, unacknowledged ones do not count); "
                + "queue.overflow says what happens beyond it; unset: unbounded; classic and quorum queues"),
        SettingSpec.choice("queue.overflow", QueueLimits.Overflow.DROP_HEAD.argument(),
            "x-overflow, at queue.max-length: drop-head removes the oldest message (counted as removed, maxLength); "
                + "reject-publish refuses the new one (its send fails: counted as failed, not removed); "
                + "reject-publish-dlx refuses and dead-letters it (classic queues only)",
            QueueLimits.Overflow.arguments()),
        SettingSpec.integer("queue.delivery-limit", null, QueueLimits.COUNT,
            "x-delivery-limit: a message returned to its queue more often than this (rejected with requeue, or its "
                + "consumer closed unacknowledged) is removed (counted as removed, deliveryLimit); quorum queues only; "
                + "unset: the broker's default (none before RabbitMQ 4.0, 20 from 4.0)"),
        SettingSpec.of("queue.dead-letter", SettingType.BOOLEAN, "false",
            "dead-letter every queue into the run's own dead-letter queue, which the target reads to count removed "
                + "messages (a message rejected without requeue as removed, rejected); on whenever queue.message-ttl, "
                + "queue.max-length or queue.delivery-limit is set"),
        SettingSpec.of("cleanup", SettingType.BOOLEAN, "true", "delete the run's queues and exchanges when the target closes"),
        SettingSpec.text("local.server-dir", null, Form.nonBlank("a folder path"),
            "rabbitmq_server-<version> directory of an installed server; searched under /usr/lib/rabbitmq/lib when unset"),
        SettingSpec.duration("local.start-timeout", "90s", ProvisionRequest.MIN_START_TIMEOUT, SettingSpec.LONGEST_TIMER,
            "bound on a local node or container becoming ready"),
        SettingSpec.duration("local.stop-timeout", "30s", Duration.ZERO, ChildProcessSpec.MAX_STOP_TIMEOUT,
            "bound on a local node's graceful stop before SIGKILL"),
        SettingSpec.of("local.keep-data", SettingType.BOOLEAN, "false", "keep a local node's data directory after the run"),
        SettingSpec.text("container.image", ContainerConfig.DEFAULT_IMAGE, ContainerConfig.IMAGE,
            "RabbitMQ image for testcontainers"));
  }

  /**
   * The settings that have no effect with these values, each with the reason, by name: what
   * {@link io.brokerbench.spi.TargetInfo#settings()} shows as not applicable instead of a value.
   */
  public Map<String, String> withoutEffect() {
    Map<String, String> out = new TreeMap<>();
    RabbitMqGuarantee.persistentWithoutEffect(queueType, durable).ifPresent(why -> out.put("message.persistent", why));
    if (!confirms) out.put("producer.max-in-flight", "publisher confirms are off: a send is never in flight");
    if (queueType != QueueType.STREAM) out.put("stream.offset", "only a stream queue is read from an offset");
    if (limits.maxLength().isEmpty()) out.put("queue.overflow", "queue.max-length is not set");
    return out;
  }

  /**
   * Typed view of {@code settings} validated against {@link #specs()}; throws SettingsException
   * for refused combinations.
   */
  public static RabbitMqSettings from(Settings settings) {
    return new RabbitMqSettings(
        ProvisionMode.fromYaml(settings.getString("provision")),
        settings.getString("uri"),
        QueueType.fromYaml(settings.getString("queue.type")),
        settings.getBoolean("queue.durable"),
        settings.getBoolean("message.persistent"),
        settings.getBoolean("producer.confirms"),
        settings.getBoolean("producer.mandatory"),
        settings.getInt("producer.max-in-flight"),
        settings.getBoolean("connections.shared"),
        settings.getString("stream.offset"),
        new QueueLimits(
            settings.has("queue.message-ttl") ? Optional.of(settings.getDuration("queue.message-ttl")) : Optional.empty(),
            settings.has("queue.max-length") ? OptionalLong.of(settings.getLong("queue.max-length")) : OptionalLong.empty(),
            QueueLimits.Overflow.fromArgument(settings.getString("queue.overflow")),
            settings.has("queue.delivery-limit") ? OptionalLong.of(settings.getLong("queue.delivery-limit"))
                : OptionalLong.empty(),
            settings.getBoolean("queue.dead-letter")),
        settings.getBoolean("cleanup"),
        settings.getString("local.server-dir"),
        settings.getDuration("local.start-timeout"),
        settings.getDuration("local.stop-timeout"),
        settings.getBoolean("local.keep-data"),
        settings.getString("container.image"));
  }
}
