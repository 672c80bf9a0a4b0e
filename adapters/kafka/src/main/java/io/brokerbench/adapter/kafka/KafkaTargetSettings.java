package io.brokerbench.adapter.kafka;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of target {@code kafka}, parsed from a scenario's {@code settings} map.
 *
 * <p>Defaults follow Kafka 4.1's client defaults where one exists (acks all, idempotence on, linger
 * 5 ms, batch 16 KiB, 5 requests in flight), so an unconfigured run measures Kafka as shipped.
 *
 * @param provision {@code auto}, {@code testcontainers}, {@code local} or {@code external}
 * @param bootstrapServers for {@code external}: {@code host:port[,host:port]}; empty to use the
 *     environment variable {@code BROKERBENCH_KAFKA_BOOTSTRAP}, then the address {@code scripts/brokers}
 *     left, then {@code 127.0.0.1:9092}
 * @param containerImage for {@code testcontainers}: an {@code apache/kafka} image
 * @param localHeapBytes for {@code local}: the broker JVM's heap ({@code -Xms} = {@code -Xmx}), at
 *     least 64 MiB
 * @param readyTimeout how long a started broker may take to answer {@code describeCluster}
 * @param replicationFactor replication factor of created topics, 1 to 32767
 * @param topicConfigs extra topic configs ({@code name=value}) applied when topics are created, with
 *     {@code flush.messages=1} when {@code topic.flush} is {@code always}; {@code min.insync.replicas},
 *     when given, is at most the replication factor with {@code acks=all}
 * @param acks {@code all}, {@code 1} or {@code 0}
 * @param idempotence {@code enable.idempotence}; needs {@code acks=all} and at most 5 in flight
 * @param linger {@code linger.ms}, whole milliseconds
 * @param batchSizeBytes {@code batch.size}, 0 (no batching) to 2 GiB
 * @param compression {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd}
 * @param maxInFlight {@code max.in.flight.requests.per.connection}, at least 1
 * @param commit when consumers commit
 * @param autoCommitInterval interval of {@link CommitStrategy#AUTO}, whole milliseconds, positive
 * @param sessionTimeout {@code session.timeout.ms} of group members (heartbeats every third of it);
 *     matters for {@link AssignmentMode#SUBSCRIBE}, the broker bounds it with {@code
 *     group.min/max.session.timeout.ms}
 * @param fetchMaxWait {@code fetch.max.wait.ms}: how long the broker holds a fetch waiting for
 *     {@code fetchMinBytes}
 * @param fetchMinBytes {@code fetch.min.bytes}, at least 1
 * @param pollTimeout how long one {@code poll} blocks; bounds how fast a consumer notices close
 * @param assignment static assignment from the plan or group subscription
 */
public record KafkaTargetSettings(
    String provision,
    Optional<String> bootstrapServers,
    String containerImage,
    long localHeapBytes,
    Duration readyTimeout,
    short replicationFactor,
    Map<String, String> topicConfigs,
    String acks,
    boolean idempotence,
    Duration linger,
    long batchSizeBytes,
    String compression,
    int maxInFlight,
    CommitStrategy commit,
    Duration autoCommitInterval,
    Duration sessionTimeout,
    Duration fetchMaxWait,
    long fetchMinBytes,
    Duration pollTimeout,
    AssignmentMode assignment) {

  public static final String PROVISION = "provision";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String CONTAINER_IMAGE = "testcontainers.image";
  public static final String LOCAL_HEAP = "local.heap";
  public static final String READY_TIMEOUT = "ready.timeout";
  public static final String REPLICATION_FACTOR = "topic.replication.factor";
  public static final String TOPIC_CONFIGS = "topic.configs";
  public static final String TOPIC_FLUSH = "topic.flush";
  public static final String ACKS = "producer.acks";
  public static final String IDEMPOTENCE = "producer.idempotence";
  public static final String LINGER = "producer.linger";
  public static final String BATCH_SIZE = "producer.batch.size";
  public static final String COMPRESSION = "producer.compression";
  public static final String MAX_IN_FLIGHT = "producer.max.in.flight";
  public static final String COMMIT = "consumer.commit";
  public static final String AUTO_COMMIT_INTERVAL = "consumer.auto.commit.interval";
  public static final String SESSION_TIMEOUT = "consumer.session.timeout";
  public static final String FETCH_MAX_WAIT = "consumer.fetch.max.wait";
  public static final String FETCH_MIN_BYTES = "consumer.fetch.min.bytes";
  public static final String POLL_TIMEOUT = "consumer.poll.timeout";
  public static final String ASSIGNMENT = "assignment";

  /** The image {@code testcontainers} starts unless the settings name another. */
  public static final String DEFAULT_IMAGE = "apache/kafka:4.1.1";

  /** Topic config: records a partition appends between two fsyncs; 1 fsyncs every append before it is acknowledged. */
  public static final String FLUSH_MESSAGES = "flush.messages";

  /** Topic config: in-sync replicas an {@code acks=all} send waits for, counting the leader. */
  public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

  /** Environment variable with bootstrap servers for {@code external}. */
  public static final String BOOTSTRAP_ENV = "BROKERBENCH_KAFKA_BOOTSTRAP";

  public KafkaTargetSettings {
    if (!List.of("auto", "testcontainers", "local", "external").contains(provision)) {
      throw new SettingsException(PROVISION, PROVISION + " must be auto, testcontainers, local or external, found '" + provision + "'");
    }
    bootstrapServers = bootstrapServers.filter(s -> !s.isBlank());
    if (localHeapBytes < (64L << 20)) {
      throw new SettingsException(LOCAL_HEAP, LOCAL_HEAP + " must be at least 64MiB, found " + localHeapBytes + " bytes");
    }
    requirePositive(READY_TIMEOUT, readyTimeout);
    if (replicationFactor < 1) {
      throw new SettingsException(REPLICATION_FACTOR, REPLICATION_FACTOR + " must be >= 1, found " + replicationFactor);
    }
    topicConfigs = Map.copyOf(topicConfigs);
    if (topicConfigs.containsKey(FLUSH_MESSAGES)) positiveTopicConfig(topicConfigs, FLUSH_MESSAGES, Long.MAX_VALUE);
    if (topicConfigs.containsKey(MIN_INSYNC_REPLICAS)) {
      long minInsync = positiveTopicConfig(topicConfigs, MIN_INSYNC_REPLICAS, Integer.MAX_VALUE);
      if ("all".equals(acks) && minInsync > replicationFactor) {
        throw new SettingsException(TOPIC_CONFIGS, TOPIC_CONFIGS + " sets " + MIN_INSYNC_REPLICAS + "=" + minInsync + " above "
            + REPLICATION_FACTOR + "=" + replicationFactor + ": every send with " + ACKS + "=all would fail (NotEnoughReplicas)");
      }
    }
    if (!List.of("all", "1", "0").contains(acks)) {
      throw new SettingsException(ACKS, ACKS + " must be all, 1 or 0, found '" + acks + "'");
    }
    if (idempotence && !acks.equals("all")) {
      throw new SettingsException(IDEMPOTENCE, IDEMPOTENCE + "=true needs " + ACKS + "=all, found " + ACKS + "=" + acks
          + " (set " + IDEMPOTENCE + ": false to use it)");
    }
    if (maxInFlight < 1) {
      throw new SettingsException(MAX_IN_FLIGHT, MAX_IN_FLIGHT + " must be >= 1, found " + maxInFlight);
    }
    if (idempotence && maxInFlight > 5) {
      throw new SettingsException(MAX_IN_FLIGHT, IDEMPOTENCE + "=true allows at most 5 requests in flight, found "
          + MAX_IN_FLIGHT + "=" + maxInFlight);
    }
    requireWholeMillis(LINGER, linger, true);
    if (batchSizeBytes < 0 || batchSizeBytes > Integer.MAX_VALUE) {
      throw new SettingsException(BATCH_SIZE, BATCH_SIZE + " must be between 0B and 2GiB, found " + batchSizeBytes + " bytes");
    }
    if (!List.of("none", "gzip", "snappy", "lz4", "zstd").contains(compression)) {
      throw new SettingsException(COMPRESSION, COMPRESSION + " must be none, gzip, snappy, lz4 or zstd, found '" + compression + "'");
    }
    requireWholeMillis(AUTO_COMMIT_INTERVAL, autoCommitInterval, false);
    requireWholeMillis(SESSION_TIMEOUT, sessionTimeout, false);
    if (sessionTimeout.toMillis() < 3) {
      throw new SettingsException(SESSION_TIMEOUT, SESSION_TIMEOUT + " must be at least 3ms, found " + sessionTimeout.toMillis() + "ms");
    }
    requireWholeMillis(FETCH_MAX_WAIT, fetchMaxWait, true);
    if (fetchMinBytes < 1 || fetchMinBytes > Integer.MAX_VALUE) {
      throw new SettingsException(FETCH_MIN_BYTES, FETCH_MIN_BYTES + " must be between 1B and 2GiB, found " + fetchMinBytes + " bytes");
    }
    requirePositive(POLL_TIMEOUT, pollTimeout);
    if (commit == null) throw new SettingsException(COMMIT, COMMIT + " must be set");
    if (assignment == null) throw new SettingsException(ASSIGNMENT, ASSIGNMENT + " must be set");
  }

  /** The value of topic config {@code name}, a whole number from 1 to {@code max}, as Kafka requires. */
  private static long positiveTopicConfig(Map<String, String> topicConfigs, String name, long max) {
    String text = topicConfigs.get(name);
    try {
      long value = Long.parseLong(text);
      if (value >= 1 && value <= max) return value;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SettingsException(TOPIC_CONFIGS, TOPIC_CONFIGS + " sets " + name + "=" + text + "; it must be a whole number from 1 to "
        + max);
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) throw new SettingsException(name, name + " must be positive, found " + d);
  }

  private static void requireWholeMillis(String name, Duration d, boolean zeroAllowed) {
    if (d.isNegative() || (!zeroAllowed && d.isZero())) {
      throw new SettingsException(name, name + " must be " + (zeroAllowed ? "zero or more" : "positive") + ", found " + d);
    }
    if (d.toNanos() % 1_000_000L != 0) {
      throw new SettingsException(name, name + " must be whole milliseconds (Kafka configures it in ms), found " + d);
    }
  }

  /** Every setting target {@code kafka} accepts. */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.choice(PROVISION, "auto", "how the broker is made available: testcontainers if Docker answers, else a local"
            + " KRaft broker, else an external one", "auto", "testcontainers", "local", "external"),
        SettingSpec.of(BOOTSTRAP_SERVERS, SettingType.STRING, null, "external: bootstrap servers host:port[,host:port];"
            + " default $" + BOOTSTRAP_ENV + ", else what scripts/brokers start kafka left, else 127.0.0.1:9092"),
        SettingSpec.of(CONTAINER_IMAGE, SettingType.STRING, DEFAULT_IMAGE, "testcontainers: the apache/kafka image"),
        SettingSpec.of(LOCAL_HEAP, SettingType.SIZE, "1GiB", "local: heap of the broker JVM (-Xms and -Xmx)"),
        SettingSpec.of(READY_TIMEOUT, SettingType.DURATION, "90s", "how long a started broker may take to answer"),
        SettingSpec.of(REPLICATION_FACTOR, SettingType.INTEGER, "1", "replication factor of the benchmark topics"),
        SettingSpec.of(TOPIC_CONFIGS, SettingType.STRING, "", "extra topic configs, name=value[,name=value],"
            + " e.g. min.insync.replicas=1,segment.bytes=104857600"),
        SettingSpec.choice(TOPIC_FLUSH, "broker", "when the broker fsyncs the benchmark topics: broker (its own"
            + " log.flush.interval.*; Kafka's default, which brokers the harness starts keep, fsyncs no record before"
            + " acknowledging it) or always (topic config flush.messages=1: every append is fsynced before it is"
            + " acknowledged)", "broker", "always"),
        SettingSpec.choice(ACKS, "all", "acks: when the broker confirms a send", "all", "1", "0"),
        SettingSpec.of(IDEMPOTENCE, SettingType.BOOLEAN, "true", "enable.idempotence"),
        SettingSpec.of(LINGER, SettingType.DURATION, "5ms", "linger.ms: how long a batch waits for more records"),
        SettingSpec.of(BATCH_SIZE, SettingType.SIZE, "16KiB", "batch.size per partition"),
        SettingSpec.choice(COMPRESSION, "none", "compression.type", "none", "gzip", "snappy", "lz4", "zstd"),
        SettingSpec.of(MAX_IN_FLIGHT, SettingType.INTEGER, "5", "max.in.flight.requests.per.connection"),
        SettingSpec.choice(COMMIT, "auto", "when consumers commit: every auto.commit.interval, sync after each poll, or"
            + " async after each poll", "auto", "sync", "async"),
        SettingSpec.of(AUTO_COMMIT_INTERVAL, SettingType.DURATION, "5s", "auto.commit.interval.ms of commit auto"),
        SettingSpec.of(SESSION_TIMEOUT, SettingType.DURATION, "10s", "session.timeout.ms of group members"
            + " (heartbeat every third)"),
        SettingSpec.of(FETCH_MAX_WAIT, SettingType.DURATION, "500ms", "fetch.max.wait.ms"),
        SettingSpec.of(FETCH_MIN_BYTES, SettingType.SIZE, "1B", "fetch.min.bytes"),
        SettingSpec.of(POLL_TIMEOUT, SettingType.DURATION, "100ms", "how long one consumer poll blocks"),
        SettingSpec.choice(ASSIGNMENT, "static", "static: partitions assigned from the topology plan;"
            + " subscribe: group subscription with rebalances", "static", "subscribe"));
  }

  /**
   * Reads validated {@code settings}.
   *
   * @throws SettingsException naming the setting when a value is out of range or settings contradict
   */
  public static KafkaTargetSettings from(Settings settings) {
    long rf = settings.getLong(REPLICATION_FACTOR);
    if (rf < 1 || rf > Short.MAX_VALUE) {
      throw new SettingsException(REPLICATION_FACTOR, REPLICATION_FACTOR + " must be between 1 and 32767, found " + rf);
    }
    return new KafkaTargetSettings(
        settings.getString(PROVISION),
        Optional.ofNullable(settings.getString(BOOTSTRAP_SERVERS)),
        settings.getString(CONTAINER_IMAGE),
        settings.getBytes(LOCAL_HEAP),
        settings.getDuration(READY_TIMEOUT),
        (short) rf,
        topicConfigs(settings),
        settings.getString(ACKS),
        settings.getBoolean(IDEMPOTENCE),
        settings.getDuration(LINGER),
        settings.getBytes(BATCH_SIZE),
        settings.getString(COMPRESSION),
        settings.getInt(MAX_IN_FLIGHT),
        CommitStrategy.fromYaml(settings.getString(COMMIT)),
        settings.getDuration(AUTO_COMMIT_INTERVAL),
        settings.getDuration(SESSION_TIMEOUT),
        settings.getDuration(FETCH_MAX_WAIT),
        settings.getBytes(FETCH_MIN_BYTES),
        settings.getDuration(POLL_TIMEOUT),
        AssignmentMode.fromYaml(settings.getString(ASSIGNMENT)));
  }

  /** {@code topic.configs} with {@code flush.messages=1} added when {@code topic.flush} is {@code always}. */
  private static Map<String, String> topicConfigs(Settings settings) {
    Map<String, String> configs = parseConfigs(settings.getString(TOPIC_CONFIGS));
    if (settings.getString(TOPIC_FLUSH).equals("always")) {
      String given = configs.putIfAbsent(FLUSH_MESSAGES, "1");
      if (given != null && !given.equals("1")) {
        throw new SettingsException(TOPIC_FLUSH, TOPIC_FLUSH + "=always sets " + FLUSH_MESSAGES + "=1, but " + TOPIC_CONFIGS
            + " sets " + FLUSH_MESSAGES + "=" + given);
      }
    }
    return configs;
  }

  /**
   * Parses {@code name=value[,name=value]}; blank gives an empty map.
   *
   * @throws SettingsException naming the malformed entry
   */
  static Map<String, String> parseConfigs(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) return out;
    for (String entry : text.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new SettingsException(TOPIC_CONFIGS, TOPIC_CONFIGS + " expects name=value[,name=value], found entry '"
            + entry.trim() + "' in '" + text + "'");
      }
      String name = entry.substring(0, eq).trim();
      if (out.put(name, entry.substring(eq + 1).trim()) != null) {
        throw new SettingsException(TOPIC_CONFIGS, TOPIC_CONFIGS + " names '" + name + "' twice in '" + text + "'");
      }
    }
    return out;
  }
}
