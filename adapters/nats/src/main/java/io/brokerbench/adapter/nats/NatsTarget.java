package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.provision.ContainerConfig;
import io.brokerbench.adapter.nats.provision.ExternalAddress;
import io.brokerbench.adapter.nats.provision.NatsInstallation;
import io.brokerbench.adapter.nats.provision.NatsProvisioner;
import io.brokerbench.adapter.nats.provision.ProvisionRequest;
import io.brokerbench.adapter.shared.TargetResources;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.AppliedSettings;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.provision.UserInfoUrl;
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
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.ServerInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Target {@code nats}: a real nats-server with JetStream over io.nats:jnats, provisioned as the
 * {@code provision} setting says; the plan maps onto streams and durable consumers as {@link
 * JetStreamTopology} describes.
 *
 * <p>{@link #open()} provisions the server, connects an administration connection, checks that
 * JetStream is on and that the server can apply the settings ({@code sync} needs 2.10), and reports
 * the server's own version and the guarantee of the settings ({@link NatsGuarantee}). Closing stops
 * every producer and consumer still open, deletes the run's streams on an external server
 * ({@code cleanup}), closes the administration connection and then stops what provisioning started.
 */
public final class NatsTarget implements Target {
  /** Why competing consumers need {@code consumer.mode: pull}. */
  static final String COMPETING_UNDER_PUSH = "competing consumers (consumers.sharing: competing) need JetStream pull"
      + " consumers: push consumers sharing a deliver group share one max ack pending and the server pushes to"
      + " them in turn whatever each holds, so no consumer's prefetch would bound it (and a deliver group allows"
      + " no flow control); the setting consumer.mode is push";
  private final TargetContext context;
  private final Settings rawSettings;
  private final NatsSettings settings;
  private final Map<String, String> environment;
  private final TargetResources<JetStreamTopology> resources;
  private NatsConnections connections;
  private Connection admin;

  NatsTarget(TargetContext context, Settings rawSettings, Map<String, String> environment) {
    this.context = context;
    this.rawSettings = rawSettings;
    this.settings = NatsSettings.from(rawSettings);
    this.environment = Map.copyOf(environment);
    this.resources = new TargetResources<>(settings.cleanup(), "streams", context.log());
  }

  @Override
  public TargetInfo open() throws Exception {
    ProvisionRequest request = new ProvisionRequest(settings.provision(), settings.url(), settings.binary(),
        settings.sync(), settings.startTimeout(), settings.stopTimeout(), settings.keepData(),
        new ContainerConfig(settings.containerImage(), settings.startTimeout(), settings.sync()),
        context.workDirectory());
    NatsProvisioner provisioner = new NatsProvisioner(environment);
    ProvisionDecision<NatsInstallation, ExternalAddress> decision = provisioner.choose(request);
    ProvisionedBroker broker = resources.provisioned(provisioner.provision(decision, request, context.runId(), context.log()));
    connections = new NatsConnections(broker.url(), "brokerbench-" + context.runId(), context.log());
    admin = connections.open("admin");
    ServerInfo server = admin.getServerInfo();
    ServerVersion version = ServerVersion.parse(server.getVersion());
    if (!server.isJetStreamAvailable()) {
      throw new IllegalStateException("nats-server " + version + " at " + UserInfoUrl.redact(broker.url())
          + " has JetStream off; start it with -js (or jetstream {} in its configuration)");
    }
    if (settings.sync() != null) SyncPolicy.requireSupportedBy(version);
    Map<String, String> applied = AppliedSettings.ofProvisioned(rawSettings, "url", UserInfoUrl::redact,
        decision.choice(), broker);
    applied.put("server.name", server.getServerName());
    applied.put("client", "jnats " + Nats.CLIENT_VERSION);
    settings.withoutEffect().forEach((name, why) -> applied.put(name, TargetInfo.notApplicable(why)));
    Guarantee guarantee = NatsGuarantee.of(settings.storage(), settings.sync(), version,
        broker.mode() != TargetMode.EXTERNAL);
    return new TargetInfo("nats", server.getVersion(), broker.mode(), applied, guarantee);
  }

  /**
   * Direct, fanout and topic routing (headers routing has no JetStream equivalent); every feature:
   * per-key order within a durable consumer, redelivery after a consumer closes (at once, or after
   * {@code consumer.ack-wait}), requeue by {@code -NAK}, the prefetch bound (shared as max ack
   * pending by the durable consumers a consumer reads; exceeded only when it reads more of them than
   * the prefetch), manual acks, several subscriptions, and pulled consumers and competing consumers
   * under {@code consumer.mode: pull}. Plans with keys or patterns NATS cannot express are refused by
   * {@link #supports}.
   */
  @Override
  public Capabilities capabilities() {
    EnumSet<Feature> features = EnumSet.allOf(Feature.class);
    // Pulled consumers: JetStream pull consumers (consumer.mode: pull, the default) ask for each
    // batch, at most the prefetch share, and the server's max ack pending holds them to it, so
    // consumers.mode push and pull use that same pull loop. With consumer.mode: push the server
    // pushes, so pull is not offered.
    if (settings.consumerMode() != ConsumerMode.PULL) features.remove(Feature.PULL_CONSUMERS);
    // Competing consumers: the harness consumers of a subscription pull from shared durable
    // consumers, each asking for no more than its share of the prefetch. A push consumer's deliver
    // group cannot hold that bound (see COMPETING_UNDER_PUSH), so not under consumer.mode: push.
    if (settings.consumerMode() != ConsumerMode.PULL) features.remove(Feature.COMPETING_CONSUMERS);
    return new Capabilities(EnumSet.of(Routing.DIRECT, Routing.FANOUT, Routing.TOPIC), features);
  }

  @Override
  public Optional<String> supports(TopologyPlan plan) {
    Optional<String> unmapped = JetStreamTopology.unsupportedReason(plan);
    if (unmapped.isPresent()) return unmapped;
    if (plan.mode() == io.brokerbench.plan.ConsumerMode.PULL && settings.consumerMode() != ConsumerMode.PULL) {
      return Optional.of("pulled consumers (consumers.mode: pull) need JetStream pull consumers; the setting "
          + "consumer.mode is " + settings.consumerMode().yamlName());
    }
    if (plan.sharing() == ConsumerSharing.COMPETING && settings.consumerMode() != ConsumerMode.PULL) {
      return Optional.of(COMPETING_UNDER_PUSH);
    }
    return capabilities().unsupportedReason(plan);
  }

  @Override
  public void declare(TopologyPlan plan) throws Exception {
    resources.requireOpen();
    JetStreamTopology mapped = new JetStreamTopology(plan);
    mapped.declare(admin.jetStreamManagement(), settings.storage(), settings.consumerMode(), settings.ackWait());
    resources.declared(mapped);
  }

  @Override
  public TargetProducer createProducer(int producerIndex) throws Exception {
    JetStreamTopology topology = resources.current();
    Connection connection = connections.open("producer-" + producerIndex);
    try {
      return resources.track(new NatsProducer(connection, topology));
    } catch (Exception e) {
      closeQuietly(connection, Duration.ZERO);
      throw e;
    }
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
    JetStreamTopology topology = resources.current();
    Connection connection = connections.open("consumer-s" + spec.subscription() + "-c" + spec.consumerIndex());
    return resources.track(NatsConsumer.start(connection, topology, spec, listener, settings, context.log()));
  }

  @Override
  public List<Long> processIds() {
    return resources.processIds();
  }

  /** The provisioned server, for tests and fault scenarios (e.g. {@link LocalServer#kill()}); null before open. */
  public ProvisionedBroker broker() {
    return resources.broker();
  }

  /** The settings as typed. */
  public NatsSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    resources.close(this::deleteDeclared, () -> closeQuietly(admin, Duration.ofSeconds(5)));
  }

  private void deleteDeclared(List<JetStreamTopology> declared) throws IOException {
    var jsm = admin.jetStreamManagement();
    for (JetStreamTopology t : declared) t.delete(jsm);
  }

  /**
   * Flushes {@code connection}'s outgoing data for at most {@code flushWait} (acks, publishes), then
   * closes it; never throws.
   */
  static void closeQuietly(Connection connection, Duration flushWait) {
    if (connection == null || connection.getStatus() == Connection.Status.CLOSED) return;
    try {
      if (!flushWait.isZero()) connection.flush(flushWait);
    } catch (Exception ignored) {
      // A broken connection cannot flush; close it anyway.
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
