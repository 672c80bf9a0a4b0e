package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.KafkaTargetSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container's configuration; building it needs no Docker engine. */
class ContainerKafkaBrokerTest {

  @Test
  void containerIsConfiguredLikeTheLocalBroker() {
    var container = ContainerKafkaBroker.configure(KafkaTargetSettings.DEFAULT_IMAGE, Duration.ofSeconds(90));
    Map<String, String> env = container.getEnvMap();
    assertEquals("500", env.get("KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS"));
    assertEquals("3000", env.get("KAFKA_BROKER_SESSION_TIMEOUT_MS"));
    assertEquals("0", env.get("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"));
    assertEquals("8", env.get("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS"), "ours replaces the module's default of 1");
    assertEquals("1", env.get("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR"), "share groups on one node");
    assertEquals("1", env.get("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR"));
    assertEquals("500", env.get("KAFKA_GROUP_SHARE_MIN_SESSION_TIMEOUT_MS"));
    assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"), "the module's KRaft single node stays");
    assertTrue(container.getExposedPorts().contains(9092));
  }

  @Test
  void anImageTheKafkaModuleDoesNotSupportIsRefused() {
    assertThrows(IllegalStateException.class, () -> ContainerKafkaBroker.configure("redis:7", Duration.ofSeconds(1)));
  }
}
