package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.provision.ContainerConfig;
import io.brokerbench.adapter.redis.provision.ExternalAddress;
import io.brokerbench.adapter.redis.provision.ProvisionRequest;
import io.brokerbench.adapter.redis.provision.RedisInstallation;
import io.brokerbench.adapter.redis.provision.RedisProvisioner;
import io.brokerbench.adapter.shared.TargetResources;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.AppliedSettings;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.provision.UserInfoUrl;
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
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Target {@code redis}: a real Redis server's streams and consumer groups over Lettuce, provisioned
 * as the {@code provision} setting says; the plan maps onto streams and groups as {@link
 * StreamTopology} describes.
 *
 * <p>{@link #open()} provisions the server, connects an administration connection, checks that the
 * server can be used ({@link ServerFacts#unusableReason}: Redis 6.2 or later, standalone), reads its
 * persistence with {@code CONFIG GET} and reports its own version and the guarantee of that
 * persistence ({@link RedisGuarantee}). A server the harness starts runs with the {@code
 * appendonly} and {@code appendfsync} settings; an external server keeps its own configuration,
 * and when it refuses {@code CONFIG GET} its guarantee is stated as unknown, saying why. Closing
 * stops every producer and consumer still open, deletes the run's streams on an external server
 * ({@code cleanup}), closes the client and then stops what provisioning started.
 */
public final class RedisTarget implements Target {
  private final TargetContext context;
  private final Settings rawSettings;
  private final RedisSettings settings;
  private final Map<String, String> environment;
  private final TargetResources<StreamTopology> resources;
  private final RemovalSink removals = new RemovalSink();
  private final AtomicInteger consumersStarted = new AtomicInteger();
  private RedisConnections connections;
  private StatefulRedisConnection<String, byte[]> admin;
  private CappedAppend cappedAppend;
  private TrimAccounting trims;

  RedisTarget(TargetContext context, Settings rawSettings, Map<String, String> environment) {
    this.context = context;
    this.rawSettings = rawSettings;
    this.settings = RedisSettings.from(rawSettings);
    this.environment = Map.copyOf(environment);
    this.resources = new TargetResources<>(settings.cleanup(), "streams", context.log());
  }

  @Override
  public TargetInfo open() throws Exception {
    Persistence wanted = settings.persistenceOfServerStartedHere();
    ProvisionRequest request = new ProvisionRequest(settings.provision(), settings.url(), settings.binary(), wanted,
        settings.startTimeout(), settings.stopTimeout(), settings.keepData(),
        new ContainerConfig(settings.containerImage(), settings.startTimeout(), wanted), context.workDirectory());
    RedisProvisioner provisioner = new RedisProvisioner(environment);
    ProvisionDecision<RedisInstallation, ExternalAddress> decision = provisioner.choose(request);
    ProvisionedBroker broker = resources.provisioned(provisioner.provision(decision, request, context.log()));
    connections = new RedisConnections(broker.url(), "brokerbench-" + context.runId());
    admin = connections.open("admin");
    RedisCommands<String, byte[]> redis = admin.sync();
    ServerFacts server = ServerFacts.parse(redis.info("server"));
    server.unusableReason().ifPresent(reason -> {
      throw new IllegalStateException(reason + " (" + UserInfoUrl.redact(broker.url()) + ")");
    });
    Map<String, String> applied = AppliedSettings.ofProvisioned(rawSettings, "url", UserInfoUrl::redact,
        decision.choice(), broker);
    applied.put("client", RedisConnections.clientVersion());
    settings.withoutEffect(broker.mode()).forEach((name, why) -> applied.put(name, TargetInfo.notApplicable(why)));
    Guarantee guarantee;
    try {
      Persistence persistence = Persistence.fromConfig(redis.configGet(Persistence.CONFIG_PARAMETERS));
      if (broker.mode() != TargetMode.EXTERNAL && !persistence.equals(wanted)) {
        throw new IllegalStateException("the server the harness started runs with " + persistence.describe()
            + " instead of " + wanted.describe());
      }
      applied.put("server.persistence", persistence.describe());
      guarantee = RedisGuarantee.of(persistence);
    } catch (RedisException | IllegalArgumentException e) {
      if (broker.mode() != TargetMode.EXTERNAL) throw e;
      applied.put("server.persistence", "unknown (CONFIG GET: " + e.getMessage() + ")");
      guarantee = RedisGuarantee.unknown("CONFIG GET failed: " + e.getMessage());
    }
    return new TargetInfo("redis", server.version(), broker.mode(), applied, guarantee);
  }

  /**
   * Direct and fanout routing (a stream has no pattern or header filter: {@link
   * StreamTopology#unsupportedReason}); every feature: per-key order within a stream, redelivery
   * after a consumer closes (its successor claims what it left pending), requeue (claimed back at
   * once), the prefetch bound (kept by the consumer, Redis has none), manual acks, several
   * subscriptions (a consumer group each).
   */
  @Override
  public Capabilities capabilities() {
    // Every feature, PULL_CONSUMERS deliberately among them: a consumer asks for each batch
    // (XREADGROUP COUNT = the room left under its prefetch) and asks nothing while it holds its
    // prefetch, so push and pull are the same read loop.
    return new Capabilities(EnumSet.of(Routing.DIRECT, Routing.FANOUT), EnumSet.of(Feature.PER_KEY_ORDER,
        Feature.REDELIVERY_ON_CONSUMER_CLOSE, Feature.REQUEUE_ON_REJECT, Feature.PREFETCH_BOUND, Feature.MANUAL_ACK,
        Feature.MULTIPLE_SUBSCRIPTIONS, Feature.COMPETING_CONSUMERS, Feature.PULL_CONSUMERS));
  }

  @Override
  public Optional<String> supports(TopologyPlan plan) {
    Optional<String> unmapped = StreamTopology.unsupportedReason(plan);
    return unmapped.isPresent() ? unmapped : capabilities().unsupportedReason(plan);
  }

  /**
   * Creates every consumer group at id 0 on its stream ({@code XGROUP CREATE ... MKSTREAM}; an
   * existing group is kept) and, with {@code stream.max-length}, loads the capped append's script.
   */
  @Override
  public void declare(TopologyPlan plan) throws Exception {
    resources.requireOpen();
    StreamTopology mapped = new StreamTopology(plan);
    RedisCommands<String, byte[]> redis = admin.sync();
    resources.declared(mapped);
    for (Map.Entry<String, List<String>> stream : mapped.groupsByStream().entrySet()) {
      for (String group : stream.getValue()) {
        try {
          redis.xgroupCreate(StreamOffset.from(stream.getKey(), "0"), group, new XGroupCreateArgs().mkstream(true));
        } catch (RedisBusyException e) {
          // BUSYGROUP: declared before; idempotent.
        }
      }
    }
    if (settings.retention() != null) {
      cappedAppend = new CappedAppend(settings.retention(), RedisProducer.PAYLOAD_FIELD, redis.scriptLoad(CappedAppend.SCRIPT));
      trims = new TrimAccounting(mapped, removals);
    }
  }

  @Override
  public TargetProducer createProducer(int producerIndex) throws Exception {
    StreamTopology topology = resources.current();
    return resources.track(
        new RedisProducer(connections.open("producer-" + producerIndex), topology, cappedAppend, trims));
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
    StreamTopology topology = resources.current();
    String name = "c" + spec.consumerIndex() + "-" + consumersStarted.incrementAndGet();
    String role = "consumer-s" + spec.subscription() + "-" + name;
    StatefulRedisConnection<String, byte[]> reader = connections.open(role + "-read");
    StatefulRedisConnection<String, byte[]> settler;
    try {
      settler = connections.open(role + "-settle");
    } catch (RuntimeException e) {
      RedisConnections.closeQuietly(reader);
      throw e;
    }
    return resources.track(new RedisConsumer(reader, settler, topology, spec, name, listener, settings.claimIdle(),
        removals, context.log()));
  }

  /**
   * Reports each message a trim ({@code stream.max-length}) removed before a subscription read it, and
   * each delivery rejected without requeue.
   */
  @Override
  public AutoCloseable watchRemovals(RemovalListener listener) {
    return removals.watch(listener);
  }

  @Override
  public List<Long> processIds() {
    return resources.processIds();
  }

  /** The provisioned server, for tests and fault scenarios; null before open. */
  public ProvisionedBroker broker() {
    return resources.broker();
  }

  /** The settings as typed. */
  public RedisSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    resources.close(this::deleteDeclared, () -> {
      RedisConnections.closeQuietly(admin);
      if (connections != null) connections.close();
    });
  }

  private void deleteDeclared(List<StreamTopology> declared) {
    for (StreamTopology t : declared) admin.sync().del(t.allStreams().toArray(String[]::new));
  }
}
