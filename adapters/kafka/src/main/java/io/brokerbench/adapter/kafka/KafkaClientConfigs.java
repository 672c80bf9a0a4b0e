package io.brokerbench.adapter.kafka;

import io.brokerbench.plan.AckMode;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client properties the target uses, derived from its settings: one place, so what is
 * applied is what is reported. Pure functions.
 */
public final class KafkaClientConfigs {
  private KafkaClientConfigs() {}

  /** Admin client: short timeouts so an absent broker is reported in seconds. */
  public static Map<String, Object> admin(String bootstrapServers, String clientId) {
    Map<String, Object> c = new TreeMap<>();
    c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    c.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    return c;
  }

  /** A producer with the scenario's acks, idempotence, linger, batch size, compression and in-flight limit. */
  public static Map<String, Object> producer(KafkaTargetSettings s, String bootstrapServers, String clientId) {
    Map<String, Object> c = new TreeMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    c.put(ProducerConfig.ACKS_CONFIG, s.acks());
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, s.idempotence());
    c.put(ProducerConfig.LINGER_MS_CONFIG, (int) s.linger().toMillis());
    c.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) s.batchSizeBytes());
    c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, s.compression());
    c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, s.maxInFlight());
    return c;
  }

  /**
   * A consumer of consumer group {@code groupId}, always with {@code group.protocol=classic}.
   * Kafka's own auto commit is on only for {@link CommitStrategy#AUTO} with {@link AckMode#AUTO};
   * otherwise the target commits what the harness settled. {@code max.poll.records} is the
   * prefetch, and a new group starts at the earliest offset so nothing sent before the consumer's
   * first fetch is missed.
   */
  public static Map<String, Object> consumer(
      KafkaTargetSettings s, String bootstrapServers, String clientId, String groupId, int prefetch, AckMode ackMode) {
    Map<String, Object> c = new TreeMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, kafkaAutoCommit(s, ackMode));
    c.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, (int) s.autoCommitInterval().toMillis());
    c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) s.sessionTimeout().toMillis());
    c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1, s.sessionTimeout().toMillis() / 3));
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, prefetch);
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) s.fetchMaxWait().toMillis());
    c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int) s.fetchMinBytes());
    c.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return c;
  }

  /**
   * A member of share group {@code groupId}: explicit acknowledgement, and at most {@code prefetch}
   * records acquired per poll ({@code share.acquire.mode=record_limit}, {@code max.poll.records} =
   * the prefetch), so a consumer never holds more than its prefetch. Where a share group starts
   * reading and how fast members are assigned are group configs ({@link #shareGroup}), not client ones.
   */
  public static Map<String, Object> shareConsumer(
      KafkaTargetSettings s, String bootstrapServers, String clientId, String groupId, int prefetch) {
    Map<String, Object> c = new TreeMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
    c.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, prefetch);
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) s.fetchMaxWait().toMillis());
    c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int) s.fetchMinBytes());
    c.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return c;
  }

  /** Heartbeat interval asked of a share group, in ms: the lowest the local broker allows. */
  static final int SHARE_HEARTBEAT_INTERVAL_MS = 500;

  /**
   * The group configs of a share group, set before any member joins: {@code
   * share.auto.offset.reset=earliest} (Kafka's default, {@code latest}, skips every record produced
   * before the group first reads a partition), and, unless {@code withTimeouts} is false, {@code
   * share.session.timeout.ms} = {@code consumer.session-timeout} and {@code
   * share.heartbeat.interval.ms} = the lower of {@value #SHARE_HEARTBEAT_INTERVAL_MS} and a third of
   * it, so members are assigned within a heartbeat or two instead of Kafka's 5 s. A broker bounds
   * both by its {@code group.share.min/max.*} configs (Kafka's minimums are 45 s and 5 s; the local
   * broker's are 500 ms).
   */
  public static Map<String, String> shareGroup(KafkaTargetSettings s, boolean withTimeouts) {
    Map<String, String> c = new TreeMap<>();
    c.put("share.auto.offset.reset", "earliest");
    if (withTimeouts) {
      long sessionMillis = s.sessionTimeout().toMillis();
      c.put("share.session.timeout.ms", Long.toString(sessionMillis));
      c.put("share.heartbeat.interval.ms", Long.toString(Math.max(1, Math.min(SHARE_HEARTBEAT_INTERVAL_MS, sessionMillis / 3))));
    }
    return c;
  }

  /** Whether Kafka's own {@code enable.auto.commit} is used. */
  public static boolean kafkaAutoCommit(KafkaTargetSettings s, AckMode ackMode) {
    return s.commit() == CommitStrategy.AUTO && ackMode == AckMode.AUTO;
  }
}
