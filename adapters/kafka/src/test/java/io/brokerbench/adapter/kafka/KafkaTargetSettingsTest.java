package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.KafkaVersion;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaTargetSettingsTest {

  static KafkaTargetSettings parse(Map<String, ?> raw) {
    return KafkaTargetSettings.from(Settings.of(KafkaTargetSettings.specs(), raw));
  }

  @Test
  void defaultsAreKafkasClientDefaults() {
    KafkaTargetSettings s = parse(Map.of());
    assertEquals("auto", s.provision());
    assertEquals("all", s.acks());
    assertTrue(s.idempotence());
    assertEquals(Duration.ofMillis(5), s.linger());
    assertEquals(16384, s.batchSizeBytes());
    assertEquals(5, s.maxInFlight());
    assertEquals(CommitStrategy.AUTO, s.commit());
    assertEquals(AssignmentMode.STATIC, s.assignment());
  }

  @Test
  void defaultImageRunsTheBuiltKafkaVersion() {
    assertEquals("apache/kafka:" + KafkaVersion.built(), KafkaTargetSettings.DEFAULT_IMAGE,
        "kafka-clients, kafka_2.13 (the local broker) and the image share one version");
  }

  @Test
  void nestedScenarioMapsSetProducerAndConsumerSettings() {
    KafkaTargetSettings s = parse(Map.of(
        "producer", Map.of("acks", "1", "idempotence", false, "linger", "20ms", "batch-size", "64KiB",
            "compression", "lz4"),
        "consumer", Map.of("commit", "sync", "session-timeout", "6s", "assignment", "subscribe"),
        "topic.configs", "segment.bytes=1048576, retention.ms=60000"));
    assertEquals("1", s.acks());
    assertEquals(65536, s.batchSizeBytes());
    assertEquals(CommitStrategy.SYNC, s.commit());
    assertEquals(Duration.ofSeconds(6), s.sessionTimeout());
    assertEquals(AssignmentMode.SUBSCRIBE, s.assignment());
    assertEquals(Map.of("segment.bytes", "1048576", "retention.ms", "60000"), s.topicConfigs());

    Map<String, Object> producer = KafkaClientConfigs.producer(s, "h:1", "p0");
    assertEquals("1", producer.get(ProducerConfig.ACKS_CONFIG));
    assertEquals(20, producer.get(ProducerConfig.LINGER_MS_CONFIG));
    assertEquals("lz4", producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
    assertEquals(false, producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
  }

  @Test
  void idempotenceWithoutAcksAllIsRefusedNamingBothSettings() {
    SettingsException e = assertThrows(SettingsException.class, () -> parse(Map.of("producer.acks", "1")));
    assertEquals(KafkaTargetSettings.IDEMPOTENCE, e.setting());
    assertTrue(e.getMessage().contains("producer.acks=1"), e.getMessage());
  }

  @Test
  void moreThanFiveInFlightNeedsIdempotenceOff() {
    assertThrows(SettingsException.class, () -> parse(Map.of("producer.max-in-flight", 6)));
    assertEquals(6, parse(Map.of("producer.max-in-flight", 6, "producer.idempotence", false)).maxInFlight());
  }

  @Test
  void subMillisecondDurationsAreRefusedBecauseKafkaTakesMilliseconds() {
    SettingsException e = assertThrows(SettingsException.class, () -> parse(Map.of("producer.linger", "500us")));
    assertEquals(KafkaTargetSettings.LINGER, e.setting());
  }

  @Test
  void malformedTopicConfigsNameTheEntry() {
    SettingsException e = assertThrows(SettingsException.class, () -> parse(Map.of("topic.configs", "retention.ms=1,oops")));
    assertTrue(e.getMessage().contains("'oops'"), e.getMessage());
  }

  @Test
  void topicFlushAlwaysAddsFlushMessagesOneToTheTopicConfigs() {
    assertEquals(Map.of(), parse(Map.of()).topicConfigs());
    assertEquals(Map.of("flush.messages", "1", "retention.ms", "60000"),
        parse(Map.of("topic.flush", "always", "topic.configs", "retention.ms=60000")).topicConfigs());
    assertEquals(Map.of("flush.messages", "1"), parse(Map.of("topic.flush", "always", "topic.configs", "flush.messages=1")).topicConfigs());
  }

  @Test
  void topicFlushAlwaysBesideAnotherFlushMessagesIsRefused() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> parse(Map.of("topic.flush", "always", "topic.configs", "flush.messages=100")));
    assertEquals(KafkaTargetSettings.TOPIC_FLUSH, e.setting());
  }

  @Test
  void durabilityTopicConfigsMustBeWholeNumbersAndMinInsyncReplicasFitTheReplicationFactor() {
    assertEquals(KafkaTargetSettings.TOPIC_CONFIGS,
        assertThrows(SettingsException.class, () -> parse(Map.of("topic.configs", "flush.messages=often"))).setting());
    assertThrows(SettingsException.class, () -> parse(Map.of("topic.configs", "min.insync.replicas=0")));
    assertThrows(SettingsException.class, () -> parse(Map.of("topic.configs", "min.insync.replicas=3000000000",
        "producer.acks", "1", "producer.idempotence", false)));
    SettingsException e = assertThrows(SettingsException.class, () -> parse(Map.of("topic.configs", "min.insync.replicas=2")));
    assertTrue(e.getMessage().contains("topic.replication-factor=1"), e.getMessage());
    parse(Map.of("topic.configs", "min.insync.replicas=2", "topic.replication-factor", 2));
    parse(Map.of("topic.configs", "min.insync.replicas=2", "producer.acks", "1", "producer.idempotence", false));
  }

  @Test
  void consumersAlwaysUseTheClassicGroupProtocolAndPrefetchAsMaxPollRecords() {
    KafkaTargetSettings s = parse(Map.of());
    Map<String, Object> c = KafkaClientConfigs.consumer(s, "h:1", "c", "g", 250, AckMode.MANUAL);
    assertEquals("classic", c.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG));
    assertEquals(250, c.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
    assertEquals("g", c.get(ConsumerConfig.GROUP_ID_CONFIG));
    assertEquals("earliest", c.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
  }

  @Test
  void kafkasOwnAutoCommitOnlyForAutoCommitWithAutomaticAcks() {
    KafkaTargetSettings auto = parse(Map.of());
    assertEquals(true, KafkaClientConfigs.consumer(auto, "h:1", "c", "g", 1, AckMode.AUTO).get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    assertEquals(false, KafkaClientConfigs.consumer(auto, "h:1", "c", "g", 1, AckMode.MANUAL).get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    KafkaTargetSettings sync = parse(Map.of("consumer.commit", "sync"));
    assertEquals(false, KafkaClientConfigs.consumer(sync, "h:1", "c", "g", 1, AckMode.AUTO).get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
  }

  @Test
  void shareConsumersAcknowledgeExplicitlyAndAcquireAtMostThePrefetchPerPoll() {
    Map<String, Object> c = KafkaClientConfigs.shareConsumer(parse(Map.of()), "h:1", "c", "g", 5);
    assertEquals("explicit", c.get(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG));
    assertEquals("record_limit", c.get(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG));
    assertEquals(5, c.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
    assertEquals("g", c.get(ConsumerConfig.GROUP_ID_CONFIG));
  }

  @Test
  void shareGroupsStartAtTheEarliestOffsetAndHeartbeatWithinASecond() {
    assertEquals(Map.of("share.auto.offset.reset", "earliest", "share.session.timeout.ms", "10000",
        "share.heartbeat.interval.ms", "500"), KafkaClientConfigs.shareGroup(parse(Map.of()), true));
    assertEquals(Map.of("share.auto.offset.reset", "earliest", "share.session.timeout.ms", "900",
        "share.heartbeat.interval.ms", "300"), KafkaClientConfigs.shareGroup(parse(Map.of("consumer.session-timeout", "900ms")), true));
    assertEquals(Map.of("share.auto.offset.reset", "earliest"), KafkaClientConfigs.shareGroup(parse(Map.of()), false));
  }
}
