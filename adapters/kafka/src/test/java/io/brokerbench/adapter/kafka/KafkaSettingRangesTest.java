package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.adapter.kafka.broker.ContainerKafkaBroker;
import io.brokerbench.adapter.kafka.broker.LocalKafkaBroker;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.testing.SettingBoundaries;
import io.brokerbench.testing.SettingBoundaries.Edge;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kafka setting's range is what the target and Kafka's client configs accept, and validation
 * enforces it. Kafka's own ConfigDef checks the producer and consumer configs built from the ends
 * of each range, with no broker.
 */
class KafkaSettingRangesTest {
  static List<Edge> edges() {
    return SettingBoundaries.of(KafkaTargetSettings.specs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void kafkasClientsTakeEveryRangeEndAndValidationRefusesWhatLiesBeyond(Edge edge) {
    Map<String, Object> raw = new HashMap<>(Map.of(edge.spec().name(), edge.value()));
    // More than 5 requests in flight need idempotence off.
    if (edge.spec().name().equals(KafkaTargetSettings.MAX_IN_FLIGHT)) raw.put(KafkaTargetSettings.IDEMPOTENCE, false);
    if (!edge.inRange()) {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(KafkaTargetSettings.specs(), raw));
      assertEquals(edge.spec().name(), e.setting());
      return;
    }
    KafkaTargetSettings s = KafkaTargetSettings.from(Settings.of(KafkaTargetSettings.specs(), raw));
    new ProducerConfig(KafkaClientConfigs.producer(s, "127.0.0.1:9092", "p"));
    new ConsumerConfig(KafkaClientConfigs.consumer(s, "127.0.0.1:9092", "c", "g", 500, AckMode.MANUAL));
    new NewTopic("t", 1, s.replicationFactor()).configs(s.topicConfigs());
    new LocalKafkaBroker.Options(Path.of("unused"), s.localHeapBytes(), s.readyTimeout(), Map.of());
    ContainerKafkaBroker.configure(s.containerImage(), s.readyTimeout());
  }

  @Test
  void everyNumberDeclaresItsRange() {
    assertEquals(List.of(), SettingBoundaries.withoutRange(KafkaTargetSettings.specs()));
  }

  @Test
  void aLingerBeyondAnIntOfMillisecondsIsRefusedAndTheLargestPasses() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(KafkaTargetSettings.specs(), Map.of("producer.linger", "2147483648ms")));
    assertEquals("setting 'producer.linger' expects a duration from 0ms to 2147483647ms in whole milliseconds,"
        + " found '2147483648ms'", e.getMessage());
    Settings.of(KafkaTargetSettings.specs(), Map.of("producer.linger", "2147483647ms"));
  }

  @Test
  void aMalformedBootstrapAddressIsRefusedAtValidation() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(KafkaTargetSettings.specs(), Map.of("bootstrap-servers", "broker1:9092;broker2:9092")));
    assertEquals("setting 'bootstrap-servers' expects host:port[,host:port], found 'broker1:9092;broker2:9092':"
        + " 'broker1:9092;broker2:9092' is not host:port", e.getMessage());
    Settings.of(KafkaTargetSettings.specs(), Map.of("bootstrap-servers", "broker1:9092,broker2:9092"));
  }

  @Test
  void aReplicationFactorBeyondAShortIsRefused() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(KafkaTargetSettings.specs(), Map.of("topic.replication-factor", 32768)));
    assertEquals("setting 'topic.replication-factor' expects a whole number from 1 to 32767, found '32768'", e.getMessage());
  }

  @Test
  void aMisspeltTopicConfigIsRefusedWithASuggestion() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(KafkaTargetSettings.specs(), Map.of("topic.configs", "segmnt.bytes=1048576")));
    assertEquals("setting 'topic.configs' expects name=value[,name=value] of Kafka topic configs, found 'segmnt.bytes=1048576':"
        + " 'segmnt.bytes' is not a Kafka topic config (did you mean 'segment.bytes'?)", e.getMessage());
  }

  @Test
  void anImageTheKafkaModuleCannotRunIsRefusedAtValidation() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(KafkaTargetSettings.specs(), Map.of("container.image", "redis:7")));
    assertEquals("setting 'container.image' expects an apache/kafka or apache/kafka-native image, found 'redis:7':"
        + " the Kafka module runs apache/kafka images only", e.getMessage());
    Settings.of(KafkaTargetSettings.specs(), Map.of("container.image", "apache/kafka-native:4.4.0"));
  }
}
