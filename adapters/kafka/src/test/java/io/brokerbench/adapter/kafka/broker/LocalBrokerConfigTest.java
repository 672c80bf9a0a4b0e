package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalBrokerConfigTest {

  @Test
  void singleNodeKraftOnLoopbackWithQuorumBootstrapForStandaloneFormat() {
    Map<String, String> p = new LocalBrokerConfig(1, 19092, 19093, Path.of("/tmp/d"), Map.of()).properties();
    assertEquals("broker,controller", p.get("process.roles"));
    assertEquals("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093", p.get("listeners"));
    assertEquals("PLAINTEXT://127.0.0.1:19092", p.get("advertised.listeners"));
    assertEquals("127.0.0.1:19093", p.get("controller.quorum.bootstrap.servers"));
    assertEquals("/tmp/d", p.get("log.dirs"));
    assertTrue(!p.containsKey("controller.quorum.voters"), "standalone format uses bootstrap servers, not static voters");
  }

  @Test
  void groupsAndRestartsTakeSecondsNotTheDefaultsTensOfSeconds() {
    Map<String, String> p = new LocalBrokerConfig(1, 1, 2, Path.of("d"), Map.of()).properties();
    assertEquals("0", p.get("group.initial.rebalance.delay.ms"));
    assertTrue(Integer.parseInt(p.get("group.min.session.timeout.ms")) <= 1000);
    assertTrue(Integer.parseInt(p.get("broker.session.timeout.ms")) <= 3000);
    assertTrue(Integer.parseInt(p.get("broker.heartbeat.interval.ms")) < Integer.parseInt(p.get("broker.session.timeout.ms")));
    assertEquals("1", p.get("offsets.topic.replication.factor"));
    assertEquals("1", p.get("transaction.state.log.replication.factor"));
    assertEquals("1", p.get("transaction.state.log.min.isr"));
  }

  @Test
  void shareGroupsRunOnOneNodeAndMayUseShortTimeouts() {
    Map<String, String> p = new LocalBrokerConfig(1, 1, 2, Path.of("d"), Map.of()).properties();
    assertEquals("1", p.get("share.coordinator.state.topic.replication.factor"));
    assertEquals("1", p.get("share.coordinator.state.topic.min.isr"));
    assertEquals("500", p.get("group.share.min.session.timeout.ms"));
    assertEquals("500", p.get("group.share.min.heartbeat.interval.ms"));
    assertEquals("1000", p.get("group.share.min.record.lock.duration.ms"));
    assertTrue(!p.containsKey("group.share.enable") && !p.containsKey("group.coordinator.rebalance.protocols"),
        "from Kafka 4.2 the finalized feature share.version enables share groups");
  }

  @Test
  void overridesComeLast() {
    Map<String, String> p = new LocalBrokerConfig(1, 1, 2, Path.of("d"), Map.of("num.partitions", "3")).properties();
    assertEquals("3", p.get("num.partitions"));
    String text = new LocalBrokerConfig(1, 1, 2, Path.of("d"), Map.of("num.partitions", "3")).asPropertiesText();
    assertTrue(text.contains("\nnum.partitions=3\n"), text);
  }

  @Test
  void sharedPortsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LocalBrokerConfig(1, 5, 5, Path.of("d"), Map.of()));
  }

  @Test
  void imageEnvironmentFollowsTheApacheKafkaImageNamingRule() {
    Map<String, String> env = LocalBrokerConfig.asImageEnvironment(Map.of(
        "group.min.session.timeout.ms", "500", "some_name", "x", "a-b.c", "y"));
    assertEquals("500", env.get("KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS"));
    assertEquals("x", env.get("KAFKA_SOME__NAME"));
    assertEquals("y", env.get("KAFKA_A___B_C"));
  }
}
