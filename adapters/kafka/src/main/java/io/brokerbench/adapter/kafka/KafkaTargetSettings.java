package io.brokerbench.adapter.kafka;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.Suggestions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.TopicConfig;
import org.testcontainers.utility.DockerImageName;

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
  public static final String BOOTSTRAP_SERVERS = "bootstrap-servers";
  public static final String CONTAINER_IMAGE = "container.image";
  public static final String LOCAL_HEAP = "local.heap";
  public static final String READY_TIMEOUT = "local.start-timeout";
  public static final String REPLICATION_FACTOR = "topic.replication-factor";
  public static final String TOPIC_CONFIGS = "topic.configs";
  public static final String TOPIC_FLUSH = "topic.flush";
  public static final String ACKS = "producer.acks";
  public static final String IDEMPOTENCE = "producer.idempotence";
  public static final String LINGER = "producer.linger";
  public static final String BATCH_SIZE = "producer.batch-size";
  public static final String COMPRESSION = "producer.compression";
  public static final String MAX_IN_FLIGHT = "producer.max-in-flight";
  public static final String COMMIT = "consumer.commit";
  public static final String AUTO_COMMIT_INTERVAL = "consumer.auto-commit-interval";
  public static final String SESSION_TIMEOUT = "consumer.session-timeout";
  public static final String FETCH_MAX_WAIT = "consumer.fetch-max-wait";
  public static final String FETCH_MIN_BYTES = "consumer.fetch-min-size";
  public static final String POLL_TIMEOUT = "consumer.poll-timeout";
  public static final String ASSIGNMENT = "consumer.assignment";

  /** The image {@code testcontainers} starts unless the settings name another. */
  public static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  /** Topic config: records a partition appends between two fsyncs; 1 fsyncs every append before it is acknowledged. */
  public static final String FLUSH_MESSAGES = "flush.messages";

  /** Topic config: in-sync replicas an {@code acks=all} send waits for, counting the leader. */
  public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

  /** Environment variable with bootstrap servers for {@code external}. */
  public static final String BOOTSTRAP_ENV = "BROKERBENCH_KAFKA_BOOTSTRAP";

  /** The longest duration Kafka's clients take in an int of milliseconds. */
  static final Duration LONGEST_INT_MILLIS = Duration.ofMillis(Integer.MAX_VALUE);

  /** The topic configs Kafka knows ({@link TopicConfig}), by name. */
  static final Set<String> KNOWN_TOPIC_CONFIGS = knownTopicConfigs();

  /** Images Testcontainers' Kafka module runs. */
  private static final List<DockerImageName> KAFKA_IMAGES =
      List.of(DockerImageName.parse("apache/kafka"), DockerImageName.parse("apache/kafka-native"));

  /**
   * Checks what no single setting's range can: combinations Kafka refuses. Every value on its own
   * was checked against {@link #specs()}.
   */
  public KafkaTargetSettings {
    bootstrapServers = bootstrapServers.filter(s -> !s.isBlank());
    topicConfigs = Map.copyOf(topicConfigs);
    if (topicConfigs.containsKey(MIN_INSYNC_REPLICAS) && "all".equals(acks)) {
      long minInsync = Long.parseLong(topicConfigs.get(MIN_INSYNC_REPLICAS));
      if (minInsync > replicationFactor) {
        throw new SettingsException(TOPIC_CONFIGS, TOPIC_CONFIGS + " sets " + MIN_INSYNC_REPLICAS + "=" + minInsync + " above "
            + REPLICATION_FACTOR + "=" + replicationFactor + ": every send with " + ACKS + "=all would fail (NotEnoughReplicas)");
      }
    }
    if (idempotence && !acks.equals("all")) {
      throw new SettingsException(IDEMPOTENCE, IDEMPOTENCE + "=true needs " + ACKS + "=all, found " + ACKS + "=" + acks
          + " (set " + IDEMPOTENCE + ": false to use it)");
    }
    if (idempotence && maxInFlight > 5) {
      throw new SettingsException(MAX_IN_FLIGHT, IDEMPOTENCE + "=true allows at most 5 requests in flight, found "
          + MAX_IN_FLIGHT + "=" + maxInFlight);
    }
    if (commit == null) throw new SettingsException(COMMIT, COMMIT + " must be set");
    if (assignment == null) throw new SettingsException(ASSIGNMENT, ASSIGNMENT + " must be set");
  }

  /**
   * Every setting target {@code kafka} accepts, each with the range its client config takes: Kafka
   * configures times in an int of milliseconds and sizes in an int of bytes.
   */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.choice(PROVISION, "auto", "how the broker is made available: testcontainers if Docker answers, else a local"
            + " KRaft broker, else an external one", "auto", "testcontainers", "local", "external"),
        SettingSpec.text(BOOTSTRAP_SERVERS, null, Form.hostPorts(), "external: the brokers to connect to;"
            + " default $" + BOOTSTRAP_ENV + ", else what scripts/brokers start kafka left, else 127.0.0.1:9092"),
        SettingSpec.text(CONTAINER_IMAGE, DEFAULT_IMAGE, Form.of("an apache/kafka or apache/kafka-native image",
            KafkaTargetSettings::imageProblem), "testcontainers: the image to run"),
        SettingSpec.size(LOCAL_HEAP, "1GiB", Range.atLeast(64L << 20), "local: heap of the broker JVM (-Xms and -Xmx)"),
        SettingSpec.millis(READY_TIMEOUT, "90s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
            "how long a started broker may take to answer"),
        SettingSpec.integer(REPLICATION_FACTOR, "1", 1, Short.MAX_VALUE, "replication factor of the benchmark topics"),
        SettingSpec.text(TOPIC_CONFIGS, "", Form.of("name=value[,name=value] of Kafka topic configs",
            KafkaTargetSettings::topicConfigsProblem), "extra topic configs, e.g. min.insync.replicas=1,segment.bytes=104857600;"
            + " " + FLUSH_MESSAGES + " from 1, " + MIN_INSYNC_REPLICAS + " from 1 to " + Integer.MAX_VALUE),
        SettingSpec.choice(TOPIC_FLUSH, "broker", "when the broker fsyncs the benchmark topics: broker (its own"
            + " log.flush.interval.*; Kafka's default, which brokers the harness starts keep, fsyncs no record before"
            + " acknowledging it) or always (topic config flush.messages=1: every append is fsynced before it is"
            + " acknowledged)", "broker", "always"),
        SettingSpec.choice(ACKS, "all", "acks: when the broker confirms a send", "all", "1", "0"),
        SettingSpec.of(IDEMPOTENCE, SettingType.BOOLEAN, "true", "enable.idempotence; needs producer.acks all and at most"
            + " 5 in flight"),
        SettingSpec.millis(LINGER, "5ms", Duration.ZERO, LONGEST_INT_MILLIS, "linger.ms: how long a batch waits for more records"),
        SettingSpec.size(BATCH_SIZE, "16KiB", 0, Integer.MAX_VALUE, "batch.size per partition; 0B: no batching"),
        SettingSpec.choice(COMPRESSION, "none", "compression.type", "none", "gzip", "snappy", "lz4", "zstd"),
        SettingSpec.integer(MAX_IN_FLIGHT, "5", 1, Integer.MAX_VALUE, "max.in.flight.requests.per.connection; at most 5"
            + " with producer.idempotence"),
        SettingSpec.choice(COMMIT, "auto", "when consumers commit: every consumer.auto-commit-interval, sync after each poll, or"
            + " async after each poll", "auto", "sync", "async"),
        SettingSpec.millis(AUTO_COMMIT_INTERVAL, "5s", Duration.ofMillis(1), LONGEST_INT_MILLIS,
            "auto.commit.interval.ms of commit auto"),
        SettingSpec.millis(SESSION_TIMEOUT, "10s", Duration.ofMillis(3), LONGEST_INT_MILLIS, "session.timeout.ms of group"
            + " members (heartbeat every third); the broker bounds it with group.min/max.session.timeout.ms"),
        SettingSpec.millis(FETCH_MAX_WAIT, "500ms", Duration.ZERO, LONGEST_INT_MILLIS, "fetch.max.wait.ms"),
        SettingSpec.size(FETCH_MIN_BYTES, "1B", 1, Integer.MAX_VALUE, "fetch.min.bytes"),
        SettingSpec.millis(POLL_TIMEOUT, "100ms", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
            "how long one consumer poll blocks"),
        SettingSpec.choice(ASSIGNMENT, "static", "static: partitions assigned from the topology plan;"
            + " subscribe: group subscription with rebalances", "static", "subscribe"));
  }

  /** What is wrong with {@code image} for Testcontainers' Kafka module, or {@code null}. */
  private static String imageProblem(String image) {
    DockerImageName name;
    try {
      name = DockerImageName.parse(image.strip());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "not an image name (" + e.getMessage() + ")";
    }
    return KAFKA_IMAGES.stream().anyMatch(name::isCompatibleWith) ? null : "the Kafka module runs apache/kafka images only";
  }

  /** What is wrong with {@code text} as {@link #TOPIC_CONFIGS}, or {@code null}. */
  private static String topicConfigsProblem(String text) {
    try {
      parseConfigs(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static Set<String> knownTopicConfigs() {
    Set<String> names = new TreeSet<>();
    for (Field f : TopicConfig.class.getFields()) {
      if (f.getName().endsWith("_CONFIG") && f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * Reads validated {@code settings}.
   *
   * @throws SettingsException naming the setting when settings contradict each other
   */
  public static KafkaTargetSettings from(Settings settings) {
    return new KafkaTargetSettings(
        settings.getString(PROVISION),
        Optional.ofNullable(settings.getString(BOOTSTRAP_SERVERS)),
        settings.getString(CONTAINER_IMAGE),
        settings.getBytes(LOCAL_HEAP),
        settings.getDuration(READY_TIMEOUT),
        (short) settings.getInt(REPLICATION_FACTOR),
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
   * Parses {@code name=value[,name=value]}; blank gives an empty map. Each name must be a Kafka
   * topic config, named once; {@value #FLUSH_MESSAGES} a whole number from 1 and {@value
   * #MIN_INSYNC_REPLICAS} from 1 to {@link Integer#MAX_VALUE}, as Kafka requires.
   *
   * @throws IllegalArgumentException saying what is wrong with which entry
   */
  static Map<String, String> parseConfigs(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) return out;
    for (String entry : text.split(",", -1)) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("entry '" + entry.trim() + "' is not name=value");
      }
      String name = entry.substring(0, eq).trim();
      String value = entry.substring(eq + 1).trim();
      if (!KNOWN_TOPIC_CONFIGS.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a Kafka topic config"
            + Suggestions.didYouMean(name, KNOWN_TOPIC_CONFIGS));
      }
      if (out.put(name, value) != null) throw new IllegalArgumentException("'" + name + "' is given twice");
    }
    requireWholeNumber(out, FLUSH_MESSAGES, Long.MAX_VALUE);
    requireWholeNumber(out, MIN_INSYNC_REPLICAS, Integer.MAX_VALUE);
    return out;
  }

  /** Topic config {@code name}, when given, is a whole number from 1 to {@code max}. */
  private static void requireWholeNumber(Map<String, String> configs, String name, long max) {
    String text = configs.get(name);
    if (text == null) return;
    try {
      long value = Long.parseLong(text);
      if (value >= 1 && value <= max) return;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + "=" + text + " is not a whole number from 1 to " + max);
  }
}
