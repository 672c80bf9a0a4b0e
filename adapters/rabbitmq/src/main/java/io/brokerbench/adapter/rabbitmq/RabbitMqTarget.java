package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.ClientVersion;
import io.brokerbench.adapter.rabbitmq.provision.ContainerConfig;
import io.brokerbench.adapter.rabbitmq.provision.ExternalAddress;
import io.brokerbench.adapter.rabbitmq.provision.LocalRabbitNode;
import io.brokerbench.adapter.rabbitmq.provision.ProvisionRequest;
import io.brokerbench.adapter.rabbitmq.provision.RabbitInstallation;
import io.brokerbench.adapter.rabbitmq.provision.RabbitProvisioner;
import io.brokerbench.adapter.shared.TargetResources;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.AppliedSettings;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Target {@code rabbitmq}: a real RabbitMQ over AMQP 0-9-1 (com.rabbitmq:amqp-client), provisioned
 * as the {@code provision} setting says.
 *
 * <p>Automatic connection recovery is off: a broker failure fails the producers' futures and stops
 * the consumers, and the run shows it, instead of being hidden by reconnects. Closing stops every
 * producer and consumer still open, deletes the run's queues and exchanges on an external server
 * (setting {@code cleanup}), closes the connections and then stops what provisioning started.
 */
public final class RabbitMqTarget implements Target {
  private final TargetContext context;
  private final Settings rawSettings;
  private final RabbitMqSettings settings;
  private final Map<String, String> environment;
  private final TargetResources<TopologyPlan> resources;
  private Connections connections;

  RabbitMqTarget(TargetContext context, Settings rawSettings, Map<String, String> environment) {
    this.context = context;
    this.rawSettings = rawSettings;
    this.settings = RabbitMqSettings.from(rawSettings);
    this.environment = Map.copyOf(environment);
    this.resources = new TargetResources<>(settings.cleanup(), "queues and exchanges", context.log());
  }

  @Override
  public TargetInfo open() throws Exception {
    ProvisionRequest request = new ProvisionRequest(settings.provision(), settings.uri(), settings.serverDirectory(),
        settings.startTimeout(), settings.stopTimeout(), settings.keepData(),
        new ContainerConfig(settings.containerImage(), settings.startTimeout()),
        context.workDirectory(), Path.of(System.getProperty("user.home")));
    RabbitProvisioner provisioner = new RabbitProvisioner(environment);
    ProvisionDecision<RabbitInstallation, ExternalAddress> decision = provisioner.choose(request);
    ProvisionedBroker broker = resources.provisioned(provisioner.provision(decision, request, context.runId(), context.log()));
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(broker.url());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    factory.setConnectionTimeout(10_000);
    connections = new Connections(factory, "brokerbench-" + context.runId(), settings.sharedConnections());
    String version;
    String product;
    try (Connection admin = connections.admin()) {
      Map<String, Object> server = admin.getServerProperties();
      version = String.valueOf(server.getOrDefault("version", "unknown"));
      product = String.valueOf(server.getOrDefault("product", "RabbitMQ"));
    }
    Map<String, String> applied = AppliedSettings.ofProvisioned(rawSettings, "uri", ExternalAddress::redact,
        decision.choice(), broker);
    applied.put("server.product", product);
    applied.put("client", "amqp-client " + ClientVersion.VERSION);
    applied.put("queue.dead-letter", String.valueOf(settings.limits().deadLetters()));
    settings.withoutEffect().forEach((name, why) -> applied.put(name, TargetInfo.notApplicable(why)));
    Guarantee guarantee = RabbitMqGuarantee.of(settings.queueType(), settings.durable(), settings.persistent(),
        settings.confirms());
    return new TargetInfo("rabbitmq", version, broker.mode(), applied, guarantee);
  }

  @Override
  public Capabilities capabilities() {
    EnumSet<Feature> features = EnumSet.of(Feature.PER_KEY_ORDER, Feature.MANUAL_ACK, Feature.MULTIPLE_SUBSCRIPTIONS);
    if (settings.queueType() != QueueType.STREAM) {
      // A stream reads by offset: nothing is requeued or redelivered, and it hands out whole chunks
      // of messages, so a consumer may hold more than its prefetch (the conformance kit shows it).
      features.add(Feature.REDELIVERY_ON_CONSUMER_CLOSE);
      features.add(Feature.REQUEUE_ON_REJECT);
      features.add(Feature.PREFETCH_BOUND);
      // Consumers of one classic or quorum queue compete for its messages; consumers of a stream
      // each read all of it.
      features.add(Feature.COMPETING_CONSUMERS);
      // Pulled consumers ask with basic.get, which a stream queue does not serve.
      features.add(Feature.PULL_CONSUMERS);
    }
    return new Capabilities(EnumSet.allOf(Routing.class), features);
  }

  @Override
  public Optional<String> supports(TopologyPlan plan) {
    return capabilities().unsupportedReason(plan);
  }

  @Override
  public void declare(TopologyPlan plan) throws Exception {
    resources.requireOpen();
    try (Connection admin = connections.admin(); Channel channel = admin.createChannel()) {
      RabbitMqTopology.declare(channel, plan, settings.queueType(), settings.durable(), settings.limits());
    }
    resources.declared(plan);
  }

  @Override
  public TargetProducer createProducer(int producerIndex) throws Exception {
    TopologyPlan plan = resources.current();
    Connections.Lease lease = connections.open(true, "producer-" + producerIndex);
    try {
      return resources.track(new RabbitMqProducer(lease.channel(), lease.release(), plan, settings));
    } catch (Exception e) {
      closeQuietly(lease.channel());
      closeQuietly(lease.release());
      throw e;
    }
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
    TopologyPlan plan = resources.current();
    Connections.Lease lease = connections.open(false,
        "consumer-s" + spec.subscription() + "-c" + spec.consumerIndex());
    try {
      if (spec.mode() == ConsumerMode.PULL) {
        return resources.track(new RabbitMqPullConsumer(lease.channel(), lease.release(), plan, spec, listener,
            context.log()));
      }
      return resources.track(new RabbitMqConsumer(lease.channel(), lease.release(), plan, spec, listener, settings,
          context.log()));
    } catch (Exception e) {
      closeQuietly(lease.channel());
      closeQuietly(lease.release());
      throw e;
    }
  }

  /**
   * Reads the run's dead-letter queue on a consumer connection of its own when the queues
   * dead-letter ({@link QueueLimits#deadLetters()}), reporting each dead letter as removed from its
   * subscription ({@link DeadLetterWatch}); otherwise reports nothing, as RabbitMQ then discards what
   * it removes without a trace. The handle is closed with the target at the latest.
   */
  @Override
  public AutoCloseable watchRemovals(RemovalListener listener) throws Exception {
    TopologyPlan plan = resources.current();
    if (!settings.limits().deadLetters()) return () -> { };
    Connections.Lease lease = connections.open(false, "dead-letters");
    try {
      return resources.track(DeadLetterWatch.start(lease.channel(), lease.release(), plan, listener, context.log()));
    } catch (Exception e) {
      closeQuietly(lease.channel());
      closeQuietly(lease.release());
      throw e;
    }
  }

  @Override
  public List<Long> processIds() {
    return resources.processIds();
  }

  /** The provisioned broker, for tests and fault scenarios (e.g. {@link LocalRabbitNode#kill()}); null before open. */
  public ProvisionedBroker broker() {
    return resources.broker();
  }

  /** The settings as typed. */
  public RabbitMqSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    resources.close(this::deleteDeclared, connections);
  }

  private void deleteDeclared(List<TopologyPlan> declared) throws Exception {
    try (Connection admin = connections.admin(); Channel channel = admin.createChannel()) {
      for (TopologyPlan p : declared) RabbitMqTopology.delete(channel, p);
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) return;
    try {
      if (closeable instanceof Channel channel && !channel.isOpen()) return;
      if (closeable instanceof Connection connection && !connection.isOpen()) return;
      closeable.close();
    } catch (Exception ignored) {
      // Closing after a broker failure: the resource is gone either way.
    }
  }
}
