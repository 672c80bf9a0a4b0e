package io.brokerbench.adapter.kafka;

import static io.brokerbench.adapter.kafka.KafkaTargetSettings.ACKS;
import static io.brokerbench.adapter.kafka.KafkaTargetSettings.FLUSH_MESSAGES;
import static io.brokerbench.adapter.kafka.KafkaTargetSettings.MIN_INSYNC_REPLICAS;
import static io.brokerbench.adapter.kafka.KafkaTargetSettings.REPLICATION_FACTOR;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.TargetInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The settings of a kafka run that decide what a confirmed send promises: the producer's {@code
 * acks}, the topics' replication factor, and {@code min.insync.replicas} and {@code flush.messages}
 * as they apply to the topics (set in {@code topic.configs}, else the broker's, else Kafka's
 * default). Pure: {@link #guarantee()} and {@link #appliedSettings()} read nothing else.
 *
 * <p>An external broker's own values are not known here. The guarantee then takes the weakest value
 * Kafka allows for each unknown one ({@code min.insync.replicas=1}, no fsync before the
 * acknowledgement), so it states what the run is promised at least, and its basis says so.
 *
 * @param acks {@code all}, {@code 1} or {@code 0}
 * @param replicationFactor copies of each partition, counting the leader, at least 1
 * @param minInsyncReplicas in-sync replicas an {@code acks=all} send waits for, counting the
 *     leader, at least 1 and, with {@code acks=all}, at most {@code replicationFactor}; empty when
 *     unknown
 * @param flushMessages records a partition appends between two fsyncs, at least 1 (1: every append
 *     is fsynced before it is acknowledged; Kafka's default {@link #NO_FLUSH} leaves flushing to the
 *     operating system); empty when unknown
 */
record KafkaDurability(String acks, int replicationFactor, OptionalInt minInsyncReplicas, OptionalLong flushMessages) {
  /** Kafka's default {@code min.insync.replicas}, and the least it allows. */
  static final int DEFAULT_MIN_INSYNC_REPLICAS = 1;

  /** Kafka's default {@code log.flush.interval.messages}: the broker forces no record itself. */
  static final long NO_FLUSH = Long.MAX_VALUE;

  /** The broker config whose value a topic's {@code flush.messages} takes unless the topic sets its own. */
  static final String BROKER_FLUSH_MESSAGES = "log.flush.interval.messages";

  /** The derived entry of {@code TargetInfo.settings} with the effective {@code min.insync.replicas}. */
  static final String APPLIED_MIN_INSYNC_REPLICAS = "topic.min.insync.replicas";

  /** The derived entry of {@code TargetInfo.settings} with the effective {@code flush.messages}. */
  static final String APPLIED_FLUSH_MESSAGES = "topic.flush.messages";

  KafkaDurability {
    if (!List.of("all", "1", "0").contains(acks)) throw new IllegalArgumentException("acks must be all, 1 or 0, was " + acks);
    if (replicationFactor < 1) throw new IllegalArgumentException("replicationFactor must be >= 1, was " + replicationFactor);
    if (minInsyncReplicas.isPresent() && minInsyncReplicas.getAsInt() < 1) {
      throw new IllegalArgumentException("minInsyncReplicas must be >= 1, was " + minInsyncReplicas.getAsInt());
    }
    if (acks.equals("all") && minInsyncReplicas.isPresent() && minInsyncReplicas.getAsInt() > replicationFactor) {
      throw new IllegalArgumentException("minInsyncReplicas " + minInsyncReplicas.getAsInt() + " above replicationFactor "
          + replicationFactor + " fails every acks=all send");
    }
    if (flushMessages.isPresent() && flushMessages.getAsLong() < 1) {
      throw new IllegalArgumentException("flushMessages must be >= 1, was " + flushMessages.getAsLong());
    }
  }

  /**
   * The durability of a run with {@code settings} on a broker whose server config is {@code
   * brokerConfig} ({@link io.brokerbench.adapter.kafka.broker.KafkaBroker#knownServerConfig()}:
   * empty when unknown).
   */
  static KafkaDurability of(KafkaTargetSettings settings, Optional<Map<String, String>> brokerConfig) {
    Map<String, String> topic = settings.topicConfigs();
    OptionalInt minInsync = topic.containsKey(MIN_INSYNC_REPLICAS)
        ? OptionalInt.of(Integer.parseInt(topic.get(MIN_INSYNC_REPLICAS)))
        : brokerConfig.map(c -> OptionalInt.of(Integer.parseInt(
            c.getOrDefault(MIN_INSYNC_REPLICAS, Integer.toString(DEFAULT_MIN_INSYNC_REPLICAS))))).orElse(OptionalInt.empty());
    OptionalLong flush = topic.containsKey(FLUSH_MESSAGES)
        ? OptionalLong.of(Long.parseLong(topic.get(FLUSH_MESSAGES)))
        : brokerConfig.map(c -> OptionalLong.of(Long.parseLong(
            c.getOrDefault(BROKER_FLUSH_MESSAGES, Long.toString(NO_FLUSH))))).orElse(OptionalLong.empty());
    return new KafkaDurability(settings.acks(), settings.replicationFactor(), minInsync, flush);
  }

  /**
   * What a confirmed send is promised, per Kafka's replication and log semantics (unclean leader
   * election off, as by default):
   *
   * <ul>
   *   <li>{@code acks=0}: not confirmed; a send completes once the client has sent it, so some
   *       completed sends may never have reached the broker;
   *   <li>{@code acks=1}: confirmed once the leader appended it; {@code acks=all}: once every
   *       in-sync replica did, and at least {@code min.insync.replicas} of them. A confirm by
   *       {@code c ≥ 2} copies is {@link ConfirmPoint#REPLICATED} to {@code c}; by one copy, after
   *       its fsync with {@code flush.messages=1}, else from the page cache;
   *   <li>broker kill: a killed broker's page cache survives, and with {@code acks=all} a new leader
   *       is an in-sync replica, which holds every confirmed record: nothing confirmed is lost. With
   *       {@code acks=1} and followers, a leader killed before a follower copied a record hands
   *       over to one without it, and the record is truncated away;
   *   <li>power loss of one machine: survived by records fsynced before the confirm or confirmed by
   *       two or more copies (on brokers on distinct machines); with {@code acks=1} and followers
   *       the same failover loses records.
   * </ul>
   */
  Guarantee guarantee() {
    if (acks.equals("0")) {
      return new Guarantee(ConfirmPoint.NOT_CONFIRMED, 0, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED, ACKS + "=0");
    }
    boolean waitsForInsyncReplicas = acks.equals("all");
    int copies = waitsForInsyncReplicas ? minInsyncReplicas.orElse(DEFAULT_MIN_INSYNC_REPLICAS) : 1;
    boolean fsyncedBeforeConfirm = flushMessages.isPresent() && flushMessages.getAsLong() == 1;
    boolean leaderFailoverLosesRecords = !waitsForInsyncReplicas && replicationFactor > 1;
    ConfirmPoint when = copies > 1 ? ConfirmPoint.REPLICATED : fsyncedBeforeConfirm ? ConfirmPoint.FSYNC : ConfirmPoint.PAGE_CACHE;
    Survival kill = leaderFailoverLosesRecords ? Survival.SOME_CONFIRMED : Survival.ALL_CONFIRMED;
    Survival powerLoss = !leaderFailoverLosesRecords && (copies > 1 || fsyncedBeforeConfirm)
        ? Survival.ALL_CONFIRMED
        : Survival.SOME_CONFIRMED;
    return new Guarantee(when, copies, kill, powerLoss, basis());
  }

  /** {@code producer.acks=all, topic.replication-factor=1, min.insync.replicas=1, flush.messages=1}, naming unknowns. */
  private String basis() {
    StringBuilder b = new StringBuilder(ACKS + "=" + acks + ", " + REPLICATION_FACTOR + "=" + replicationFactor);
    if (acks.equals("all")) {
      b.append(", ").append(MIN_INSYNC_REPLICAS).append('=').append(minInsyncReplicas.isPresent()
          ? Integer.toString(minInsyncReplicas.getAsInt())
          : "unknown (external broker; taken as " + DEFAULT_MIN_INSYNC_REPLICAS + ")");
    }
    b.append(", ").append(FLUSH_MESSAGES).append('=').append(flushMessages.isPresent()
        ? flushText(flushMessages.getAsLong())
        : "unknown (external broker; taken as no fsync before the acknowledgement)");
    return b.toString();
  }

  private static String flushText(long flushMessages) {
    return flushMessages == NO_FLUSH ? "none (Kafka's default)" : Long.toString(flushMessages);
  }

  /**
   * The effective {@code min.insync.replicas} and {@code flush.messages} of the run's topics, for
   * {@code TargetInfo.settings}: {@code min.insync.replicas} is {@link TargetInfo#notApplicable}
   * unless {@code acks=all}; an unknown value says so.
   */
  Map<String, String> appliedSettings() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(APPLIED_MIN_INSYNC_REPLICAS, !acks.equals("all")
        ? TargetInfo.notApplicable(ACKS + "=" + acks + " waits for no in-sync replicas")
        : minInsyncReplicas.isPresent()
            ? Integer.toString(minInsyncReplicas.getAsInt())
            : "unknown (the external broker's " + MIN_INSYNC_REPLICAS + ")");
    out.put(APPLIED_FLUSH_MESSAGES, flushMessages.isPresent()
        ? Long.toString(flushMessages.getAsLong())
        : "unknown (the external broker's " + BROKER_FLUSH_MESSAGES + ")");
    return out;
  }
}
