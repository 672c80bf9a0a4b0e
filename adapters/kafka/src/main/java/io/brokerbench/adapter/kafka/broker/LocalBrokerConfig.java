package io.brokerbench.adapter.kafka.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code server.properties} of a single-node KRaft broker (broker and controller in one
 * process) on 127.0.0.1.
 *
 * <p>Besides listeners and storage it sets {@link #FAST_SINGLE_NODE}: replication factors of 1 for
 * internal topics, no initial rebalance delay, and low session-timeout floors so rebalances and
 * restarts take seconds. Messages are not fsynced per write (Kafka's default: durability comes
 * from replication, of which a single node has none); {@code log.flush.*} in {@link #overrides}
 * changes that.
 *
 * <p>Share groups (KIP-932) need nothing to be switched on: the storage is formatted at the
 * release's own metadata version, which from Kafka 4.2 finalizes the feature {@code share.version}
 * at 1 or above, and that feature alone enables them ({@code group.share.enable} is gone, {@code
 * group.coordinator.rebalance.protocols} is deprecated and not consulted for them). One node needs
 * the share coordinator's state topic {@code __share_group_state} at one replica with a minimum ISR
 * of 1 (the defaults 3 and 2 would leave it uncreatable, and every share group failing).
 *
 * @param nodeId the KRaft node id, 0 or more
 * @param brokerPort PLAINTEXT listener port on 127.0.0.1 (clients)
 * @param controllerPort CONTROLLER listener port on 127.0.0.1 (KRaft quorum)
 * @param dataDirectory {@code log.dirs} and the KRaft metadata log
 * @param overrides further properties, applied last
 */
public record LocalBrokerConfig(int nodeId, int brokerPort, int controllerPort, Path dataDirectory, Map<String, String> overrides) {

  /**
   * Settings that make one node behave well for benchmarks and fault scenarios: internal topics with
   * replication factor 1 (the share-group state topic too), consumer groups that start without delay
   * and may use session timeouts down to 500 ms, share groups that may set ({@code
   * share.session.timeout.ms}, {@code share.heartbeat.interval.ms}, {@code
   * share.record.lock.duration.ms} group configs) session timeouts and heartbeats down to 500 ms and
   * record locks down to 1 s, a controller that fences a dead broker after 3 s instead of 9 s. Kafka's
   * own defaults stay in force for groups that set nothing.
   */
  public static final Map<String, String> FAST_SINGLE_NODE = fastSingleNode();

  public LocalBrokerConfig {
    if (nodeId < 0) throw new IllegalArgumentException("nodeId must be >= 0, was " + nodeId);
    checkPort("brokerPort", brokerPort);
    checkPort("controllerPort", controllerPort);
    if (brokerPort == controllerPort) throw new IllegalArgumentException("brokerPort and controllerPort must differ, both were " + brokerPort);
    if (dataDirectory == null) throw new IllegalArgumentException("dataDirectory must be set");
    overrides = Map.copyOf(overrides);
  }

  private static void checkPort(String name, int port) {
    if (port < 1 || port > 65535) throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
  }

  private static Map<String, String> fastSingleNode() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "8");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "8");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("group.min.session.timeout.ms", "500");
    p.put("group.consumer.min.session.timeout.ms", "500");
    p.put("group.consumer.min.heartbeat.interval.ms", "500");
    p.put("group.share.min.session.timeout.ms", "500");
    p.put("group.share.min.heartbeat.interval.ms", "500");
    p.put("group.share.min.record.lock.duration.ms", "1000");
    p.put("broker.session.timeout.ms", "3000");
    p.put("broker.heartbeat.interval.ms", "500");
    return Map.copyOf(p);
  }

  /** Every property of {@code server.properties}, in a stable order. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.put("log.dirs", dataDirectory.toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    p.putAll(FAST_SINGLE_NODE);
    p.putAll(overrides);
    return p;
  }

  /** {@link #properties()} as the text of a properties file (values need no escaping: no backslashes). */
  public String asPropertiesText() {
    StringBuilder out = new StringBuilder("# written by brokerbench for a local single-node KRaft broker\n");
    properties().forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    return out.toString();
  }

  /**
   * {@code properties} as environment variables of the {@code apache/kafka} image, which turns
   * {@code KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS} into {@code group.min.session.timeout.ms} (its rule:
   * {@code _} is written {@code __}, {@code -} is {@code ___}, {@code .} is {@code _}).
   */
  public static Map<String, String> asImageEnvironment(Map<String, String> properties) {
    Map<String, String> env = new LinkedHashMap<>();
    properties.forEach((k, v) -> env.put("KAFKA_" + k.replace("_", "__").replace("-", "___").replace(".", "_").toUpperCase(Locale.ROOT), v));
    return env;
  }
}
