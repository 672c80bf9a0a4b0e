package io.brokerbench.adapter.kafka;

import io.brokerbench.adapter.kafka.broker.KafkaBroker;
import io.brokerbench.adapter.kafka.broker.KafkaProvisioner;
import io.brokerbench.adapter.kafka.broker.LocalKafkaBroker;
import io.brokerbench.adapter.shared.LogRedeliveries;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Target {@code kafka}: a real Kafka driven with kafka-clients. See {@link KafkaTopology} for the
 * mapping of the plan, {@link KafkaTargetProducer} and {@link KafkaTargetConsumer} for sends and
 * deliveries, {@link KafkaShareTargetConsumer} for competing consumers (share groups, set up by
 * {@link #declare}), {@link KafkaProvisioner} for where the broker comes from.
 *
 * <p>Lifecycle as {@link Target} says, from one harness thread; {@link #close()} closes consumers,
 * producers, the admin client and then the broker it started, and never throws.
 */
public final class KafkaTarget implements Target {
  /** How long topic creation may take until every partition has a leader. */
  static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);

  private static final Capabilities CAPABILITIES = new Capabilities(
      EnumSet.of(Routing.DIRECT, Routing.FANOUT, Routing.TOPIC),
      EnumSet.of(Feature.PER_KEY_ORDER, Feature.REDELIVERY_ON_CONSUMER_CLOSE, Feature.REQUEUE_ON_REJECT,
          Feature.PREFETCH_BOUND, Feature.MANUAL_ACK, Feature.MULTIPLE_SUBSCRIPTIONS,
          Feature.COMPETING_CONSUMERS, Feature.PULL_CONSUMERS));

  private final TargetContext context;
  private final Settings rawSettings;
  private final KafkaTargetSettings settings;
  private final LogRedeliveries tracker = new LogRedeliveries();
  private final List<TargetConsumer> consumers = new CopyOnWriteArrayList<>();
  private final List<TargetProducer> producers = new CopyOnWriteArrayList<>();
  private KafkaBroker broker;
  private Admin admin;
  private KafkaTopology topology;
  private boolean closed;

  KafkaTarget(TargetContext context, Settings rawSettings) {
    this.context = context;
    this.rawSettings = rawSettings;
    this.settings = KafkaTargetSettings.from(rawSettings);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public TargetInfo open() throws Exception {
    KafkaProvisioner.ExternalAddress address = KafkaProvisioner.externalAddress(settings.bootstrapServers(), System.getenv());
    ProvisionChoice choice = KafkaProvisioner.choose(ProvisionMode.fromYaml(settings.provision()), address);
    context.log().accept(choice.reason());
    broker = KafkaProvisioner.provision(choice, new KafkaProvisioner.Request(settings.containerImage(),
        settings.localHeapBytes(), settings.readyTimeout(), context.workDirectory().resolve("kafka-broker")), address);
    admin = Admin.create(KafkaClientConfigs.admin(broker.bootstrapServers(), "bb-" + context.runId() + "-admin"));

    DescribeClusterResult cluster = admin.describeCluster();
    Collection<Node> nodes;
    String clusterId;
    try {
      nodes = cluster.nodes().get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
      clusterId = cluster.clusterId().get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // One line: the client's exception repeats its message in its causes.
      Throwable reason = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("no Kafka answers at " + broker.bootstrapServers() + " (" + choice.reason() + "):"
          + " describeCluster failed: " + reason.getClass().getSimpleName() + ": " + reason.getMessage());
    }
    Optional<Short> metadataLevel = metadataVersionLevel();
    String version = broker.reportedVersion()
        .orElse("unknown (metadata.version feature level " + metadataLevel.map(String::valueOf).orElse("?") + ")");

    Map<String, String> applied = new LinkedHashMap<>(rawSettings.asMap());
    applied.put("provision.chosen", choice.mode().yamlName());
    applied.put("provision.reason", choice.reason());
    applied.put(KafkaTargetSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    applied.put("cluster.id", clusterId);
    applied.put("cluster.brokers", Integer.toString(nodes.size()));
    metadataLevel.ifPresent(l -> applied.put("cluster.metadata.version.level", Short.toString(l)));
    applied.put("consumer.group.protocol", "classic");
    applied.put("consumer.heartbeat.interval", settings.sessionTimeout().toMillis() / 3 + "ms");
    applied.putAll(broker.facts());
    KafkaDurability durability = KafkaDurability.of(settings, broker.knownServerConfig());
    applied.putAll(durability.appliedSettings());
    return new TargetInfo(KafkaTargetProvider.NAME, version, broker.mode(), applied, durability.guarantee());
  }

  private Optional<Short> metadataVersionLevel() {
    try {
      FinalizedVersionRange range = admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS)
          .finalizedFeatures().get("metadata.version");
      return range == null ? Optional.empty() : Optional.of(range.maxVersionLevel());
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void declare(TopologyPlan plan) throws Exception {
    requireOpen();
    Optional<String> unsupported = supports(plan);
    if (unsupported.isPresent()) throw new UnsupportedOperationException("kafka: " + unsupported.get());
    KafkaTopology mapped = new KafkaTopology(plan);
    List<NewTopic> topics = new ArrayList<>();
    for (String name : mapped.topics()) {
      topics.add(new NewTopic(name, plan.partitions(), settings.replicationFactor()).configs(settings.topicConfigs()));
    }
    var created = admin.createTopics(topics).values();
    for (Map.Entry<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> e : created.entrySet()) {
      try {
        e.getValue().get(TOPIC_READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException ex) {
        if (!(ex.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + e.getKey() + " with " + plan.partitions()
              + " partitions, replication factor " + settings.replicationFactor() + " and configs " + settings.topicConfigs()
              + ": " + ex.getCause(), ex.getCause());
        }
      }
    }
    awaitLeaders(mapped.topics(), plan.partitions());
    if (plan.sharing() == ConsumerSharing.COMPETING) {
      requireShareGroups();
      for (int s = 0; s < plan.subscriptionCount(); s++) configureShareGroup(plan.groupName(s));
    }
    topology = mapped;
  }

  /** Fails unless the cluster has finalized {@code share.version} 1 or above, which share groups need. */
  private void requireShareGroups() throws Exception {
    FinalizedVersionRange share;
    try {
      share = admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS).finalizedFeatures().get("share.version");
    } catch (ExecutionException e) {
      throw new IllegalStateException("competing consumers need share groups; describeFeatures failed: " + e.getCause(), e.getCause());
    }
    if (share == null || share.maxVersionLevel() < 1) {
      throw new UnsupportedOperationException("kafka: competing consumers need share groups, but the cluster at "
          + broker.bootstrapServers() + " has share.version " + (share == null ? "0 (not finalized)" : share.maxVersionLevel())
          + "; a broker formatted by Kafka 4.2 or later has them");
    }
  }

  /**
   * Sets the group configs of share group {@code group} ({@link KafkaClientConfigs#shareGroup})
   * before any member joins. A broker whose floors refuse the lowered timeouts gets only {@code
   * share.auto.offset.reset}, and the log says so.
   */
  private void configureShareGroup(String group) throws Exception {
    try {
      alterGroupConfigs(group, KafkaClientConfigs.shareGroup(settings, true));
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof InvalidConfigurationException || e.getCause() instanceof InvalidRequestException)) {
        throw groupConfigFailed(group, e);
      }
      context.log().accept("share group " + group + ": the broker refuses the lowered session and heartbeat ("
          + e.getCause().getMessage() + "); keeping its own");
      try {
        alterGroupConfigs(group, KafkaClientConfigs.shareGroup(settings, false));
      } catch (ExecutionException again) {
        throw groupConfigFailed(group, again);
      }
    }
  }

  private void alterGroupConfigs(String group, Map<String, String> configs) throws Exception {
    List<AlterConfigOp> ops = new ArrayList<>();
    configs.forEach((name, value) -> ops.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), ops))
        .all().get(TOPIC_READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static IllegalStateException groupConfigFailed(String group, ExecutionException e) {
    return new IllegalStateException("cannot set the configs of share group " + group + ": " + e.getCause(), e.getCause());
  }

  /**
   * Waits until every partition of {@code topics} has {@code partitions} partitions, each with a
   * leader that serves it: its end offset can be listed. A leader in the metadata is not enough: a
   * broker may answer produce requests with NOT_LEADER_OR_FOLLOWER until it has applied the topic's
   * creation, and an idempotent producer whose first request failed that way while a later one
   * succeeded retries it forever with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591).
   */
  private void awaitLeaders(List<String> topics, int partitions) throws Exception {
    long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
    String problem = "";
    while (System.nanoTime() < deadline) {
      Map<String, TopicDescription> described;
      try {
        described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        problem = "describeTopics failed: " + e;
        TimeUnit.MILLISECONDS.sleep(100);
        continue;
      }
      problem = "";
      for (TopicDescription d : described.values()) {
        if (d.partitions().size() != partitions) {
          throw new IllegalStateException("topic " + d.name() + " exists with " + d.partitions().size()
              + " partitions, expected " + partitions);
        }
        for (TopicPartitionInfo p : d.partitions()) {
          if (p.leader() == null) problem = "partition " + d.name() + "-" + p.partition() + " has no leader";
        }
      }
      if (problem.isEmpty()) problem = endOffsetsProblem(described.values());
      if (problem.isEmpty()) return;
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("topics " + topics + " not ready within " + TOPIC_READY_TIMEOUT.toSeconds() + "s: " + problem);
  }

  /** Why some partition's leader does not yet list its end offset, or empty when every one does. */
  private String endOffsetsProblem(Collection<TopicDescription> topics) throws InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription d : topics) {
      for (TopicPartitionInfo p : d.partitions()) {
        latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
      }
    }
    try {
      admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      return "";
    } catch (ExecutionException | TimeoutException e) {
      return "listOffsets failed: " + (e.getCause() == null ? e : e.getCause());
    }
  }

  @Override
  public TargetProducer createProducer(int producerIndex) {
    requireDeclared();
    KafkaProducer<byte[], byte[]> client = new KafkaProducer<>(KafkaClientConfigs.producer(settings,
        broker.bootstrapServers(), "bb-" + context.runId() + "-p" + producerIndex));
    KafkaTargetProducer producer = new KafkaTargetProducer(client, topology);
    producers.add(producer);
    return producer;
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws InterruptedException {
    requireDeclared();
    TopologyPlan plan = topology.plan();
    if (spec.subscription() >= plan.subscriptionCount()) {
      throw new IllegalArgumentException("subscription " + spec.subscription() + " does not exist; the plan has "
          + plan.subscriptionCount());
    }
    String group = plan.groupName(spec.subscription());
    String clientId = "bb-" + context.runId() + "-s" + spec.subscription() + "-c" + spec.consumerIndex();
    if (plan.sharing() == ConsumerSharing.COMPETING) {
      List<String> topics = topology.topicsRead(spec.subscription());
      if (topics.isEmpty()) return () -> { };
      KafkaShareConsumer<byte[], byte[]> client = new KafkaShareConsumer<>(KafkaClientConfigs.shareConsumer(settings,
          broker.bootstrapServers(), clientId, group, spec.prefetch()));
      KafkaShareTargetConsumer consumer = new KafkaShareTargetConsumer(client, topology, group, spec.consumerIndex(), topics,
          listener, spec.ackMode(), spec.prefetch(), settings, context.log());
      consumers.add(consumer);
      if (spec.consumerIndex() == plan.consumersPerSubscription() - 1) {
        // The harness creates a subscription's consumers in order: once the last has joined, wait
        // for the group to form, with every member of it still open, before any producer starts.
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
          for (int p = 0; p < plan.partitions(); p++) partitions.add(new TopicPartition(topic, p));
        }
        int open = (int) consumers.stream()
            .filter(c -> c instanceof KafkaShareTargetConsumer s && s.group().equals(group) && s.isOpen()).count();
        ShareGroupReadiness.await(admin, group, open, partitions, TOPIC_READY_TIMEOUT, context.log());
      }
      return consumer;
    }
    KafkaTargetConsumer.Source source;
    if (settings.assignment() == AssignmentMode.STATIC) {
      var partitions = topology.partitionsOf(spec.subscription(), spec.consumerIndex());
      if (partitions.isEmpty()) return () -> { };
      source = new KafkaTargetConsumer.Assigned(partitions);
    } else if (plan.routing() == Routing.TOPIC) {
      source = new KafkaTargetConsumer.SubscribedPattern(topology.subscriptionPattern(spec.subscription()));
    } else {
      source = new KafkaTargetConsumer.SubscribedTopics(topology.topicsRead(spec.subscription()));
    }
    KafkaConsumer<byte[], byte[]> client = new KafkaConsumer<>(KafkaClientConfigs.consumer(settings,
        broker.bootstrapServers(), clientId, group, spec.prefetch(), spec.ackMode()));
    KafkaTargetConsumer consumer = new KafkaTargetConsumer(client, topology, group, spec.consumerIndex(), source, listener,
        tracker, spec.ackMode(), spec.prefetch(), settings, context.nanoClock(), context.log());
    consumers.add(consumer);
    return consumer;
  }

  @Override
  public List<Long> processIds() {
    return broker == null ? List.of() : broker.processIds();
  }

  /** The local broker this target started, for fault scenarios (kill, restart); empty in other modes. */
  public Optional<LocalKafkaBroker> localBroker() {
    return broker instanceof LocalKafkaBroker local ? Optional.of(local) : Optional.empty();
  }

  /** The bootstrap servers of the broker in use; only after {@link #open()}. */
  public String bootstrapServers() {
    requireOpen();
    return broker.bootstrapServers();
  }

  private void requireOpen() {
    if (broker == null || admin == null) throw new IllegalStateException("kafka target is not open");
  }

  private void requireDeclared() {
    requireOpen();
    if (topology == null) throw new IllegalStateException("kafka target: declare the topology plan first");
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    for (TargetConsumer c : consumers) quietly(c::close, "consumer");
    for (TargetProducer p : producers) quietly(p::close, "producer");
    if (admin != null) quietly(() -> admin.close(Duration.ofSeconds(5)), "admin client");
    if (broker != null) quietly(broker::close, "broker");
  }

  private void quietly(Runnable action, String what) {
    try {
      action.run();
    } catch (RuntimeException e) {
      context.log().accept("closing the " + what + " failed: " + e);
    }
  }
}
