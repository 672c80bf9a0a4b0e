package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.engine.queue.Binding;
import io.brokerbench.engine.queue.ConsumerOptions;
import io.brokerbench.engine.queue.EngineConfig;
import io.brokerbench.engine.queue.ExchangeType;
import io.brokerbench.engine.queue.HeaderMatch;
import io.brokerbench.engine.queue.MessageProperties;
import io.brokerbench.engine.queue.QueueEngine;
import io.brokerbench.engine.queue.QueueOptions;
import io.brokerbench.engine.queue.Session;
import io.brokerbench.plan.QueueRef;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code queue-engine} target: a {@link QueueEngine} in the harness JVM, with the topology
 * plan mapped exactly as {@link TopologyPlan} states it.
 *
 * <ul>
 *   <li>Destination {@code d}, partition {@code p} → exchange {@code plan.exchangeName(d, p)} of the
 *       workload's routing type.
 *   <li>Subscription {@code s} → queue {@code plan.queueName(s, d, p)} for every {@code d, p}, bound
 *       to that exchange with the subscription's binding: one binding per key (direct, topic), one
 *       empty-key binding (fanout), or the headers with all/any (headers).
 *   <li>Consumer {@code i} of subscription {@code s} → one engine session consuming every queue of
 *       {@code plan.queuesOf(i)}, each with the workload's prefetch; the session's prefetch bounds
 *       the consumer as a whole too (unless {@code prefetchScope: queue}). The session's single
 *       thread calls the listener, so the {@link DeliveryListener} contract holds. Pulled
 *       consumers ({@code consumers.mode: pull}) instead ask each of those queues with {@code
 *       Session.get}, holding at most the prefetch unsettled ({@link QueueEnginePullConsumer}).
 * </ul>
 * With {@code durable: true} the engine keeps its journal in {@code <workDirectory>/queue-engine}.
 *
 * <p>Thread-safety: lifecycle calls come from one harness thread; producers and consumers may be
 * used from their own threads as the SPI allows.
 */
final class QueueEngineTarget implements Target {
  private static final String DATA_DIRECTORY = "queue-engine";

  private final TargetContext context;
  private final QueueEngineSettings settings;
  private final Settings raw;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final List<QueueEnginePullConsumer> pullConsumers = new CopyOnWriteArrayList<>();
  private volatile QueueEngine engine;
  private volatile TopologyPlan plan;
  private volatile String[][] exchangeNames;
  private Path dataDirectory;

  QueueEngineTarget(TargetContext context, QueueEngineSettings settings, Settings raw) {
    this.context = context;
    this.settings = settings;
    this.raw = raw;
  }

  @Override
  public TargetInfo open() throws Exception {
    EngineConfig config;
    if (settings.durable()) {
      Path work = context.workDirectory();
      if (work == null) throw new IllegalStateException("queue-engine with durable: true needs a work directory");
      dataDirectory = work.resolve(DATA_DIRECTORY);
      Files.createDirectories(dataDirectory);
      config = EngineConfig.onDisk(dataDirectory, settings.fsync()).withSegmentBytes(settings.segmentBytes());
    } else {
      config = EngineConfig.inMemory();
    }
    config = config.withQueueFlowBytes(settings.flowLimitBytes());
    engine = QueueEngine.open(config);
    Map<String, String> applied = new TreeMap<>(raw.asMap());
    applied.put("dataDirectory", dataDirectory == null ? "(none: transient)" : dataDirectory.toString());
    applied.putAll(settings.inapplicableSettings());
    if (settings.deadLetters() && !settings.deadLetter()) {
      applied.put(QueueEngineSettings.DEAD_LETTER, "true (a limit is set: its removals are read from the dead-letter queue)");
    }
    Guarantee guarantee = settings.guarantee();
    if (settings.durable()) {
      context.log().accept("queue-engine: durable, journal in " + dataDirectory + "; " + guarantee);
    }
    return new TargetInfo(QueueEngineTargetProvider.NAME, version(), TargetMode.EMBEDDED, applied, guarantee);
  }

  private static String version() {
    String v = QueueEngine.class.getPackage().getImplementationVersion();
    return v == null ? "builtin" : v;
  }

  @Override
  public Capabilities capabilities() {
    // Every feature, PULL_CONSUMERS included whatever the settings: a pulled consumer bounds itself
    // (QueueEnginePullConsumer), so consumer.prefetch-scope does not touch it.
    if (!settings.prefetchPerQueue()) return Capabilities.all();
    EnumSet<Feature> features = EnumSet.allOf(Feature.class);
    features.remove(Feature.PREFETCH_BOUND);
    return new Capabilities(EnumSet.allOf(Routing.class), features);
  }

  @Override
  public synchronized void declare(TopologyPlan plan) {
    if (this.plan != null) return;
    QueueEngine e = engine();
    ExchangeType type = switch (plan.routing()) {
      case DIRECT -> ExchangeType.DIRECT;
      case FANOUT -> ExchangeType.FANOUT;
      case TOPIC -> ExchangeType.TOPIC;
      case HEADERS -> ExchangeType.HEADERS;
    };
    QueueOptions options = queueOptions(plan, e);
    String[][] names = new String[plan.destinations()][plan.partitions()];
    for (int d = 0; d < plan.destinations(); d++) {
      for (int p = 0; p < plan.partitions(); p++) {
        names[d][p] = plan.exchangeName(d, p);
        e.declareExchange(names[d][p], type, settings.durable());
      }
    }
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      List<Binding> bindings = bindings(plan, s);
      for (int d = 0; d < plan.destinations(); d++) {
        for (int p = 0; p < plan.partitions(); p++) {
          String queue = plan.queueName(s, d, p);
          e.declareQueue(queue, options);
          for (Binding b : bindings) e.bindQueue(queue, names[d][p], b);
        }
      }
    }
    exchangeNames = names;
    this.plan = plan;
  }

  private QueueOptions queueOptions(TopologyPlan plan, QueueEngine e) {
    QueueOptions o = settings.durable() ? QueueOptions.durableQueue() : QueueOptions.transientQueue();
    o = o.withMaxLength(settings.maxLength(), settings.overflow()).withMessageTtlMillis(settings.ttlMillis())
        .withDeliveryLimit(settings.deliveryLimit());
    if (settings.deadLetters()) {
      String dlx = "bb-" + plan.runId() + "-dlx";
      String dead = deadQueue(plan);
      e.declareExchange(dlx, ExchangeType.FANOUT, settings.durable());
      e.declareQueue(dead, settings.durable() ? QueueOptions.durableQueue() : QueueOptions.transientQueue());
      e.bindQueue(dead, dlx, Binding.key(""));
      o = o.withDeadLetter(dlx, null);
    }
    return o;
  }

  /** The engine bindings of subscription {@code s}: the subscription's genuine binding. */
  static List<Binding> bindings(TopologyPlan plan, int s) {
    io.brokerbench.plan.Binding b = plan.subscriptions().get(s);
    return switch (plan.routing()) {
      case FANOUT -> List.of(Binding.key(""));
      case DIRECT, TOPIC -> b.keys().stream().distinct().map(Binding::key).toList();
      case HEADERS -> List.of(Binding.headers(b.headers(),
          b.match() == io.brokerbench.plan.HeaderMatch.ANY ? HeaderMatch.ANY : HeaderMatch.ALL));
    };
  }

  @Override
  public TargetProducer createProducer(int producerIndex) {
    requireDeclared();
    QueueEngine e = engine();
    String[][] names = exchangeNames;
    MessageProperties base = settings.persistent() ? MessageProperties.PERSISTENT : MessageProperties.TRANSIENT;
    boolean mandatory = settings.mandatory();
    return new TargetProducer() {
      @Override
      public CompletableFuture<Void> send(OutgoingMessage m) {
        MessageProperties props = m.headers().isEmpty() ? base : base.withHeaders(m.headers());
        return e.publish(names[m.destination()][m.partition()], m.routingKey(), props, m.payload(), mandatory);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) {
    requireDeclared();
    TopologyPlan p = plan;
    if (spec.subscription() >= p.subscriptionCount()) {
      throw new IllegalArgumentException("subscription " + spec.subscription() + " does not exist (plan has " + p.subscriptionCount() + ")");
    }
    if (spec.mode() == ConsumerMode.PULL) {
      QueueEnginePullConsumer pulled = new QueueEnginePullConsumer(engine(), p, spec, listener, context.log(),
          pullConsumers::remove);
      pullConsumers.add(pulled);
      return pulled;
    }
    Session session = engine().openSession(settings.prefetchPerQueue() ? 0 : spec.prefetch());
    sessions.add(session);
    ConsumerOptions options = new ConsumerOptions(spec.prefetch(), spec.ackMode() == AckMode.AUTO);
    try {
      for (QueueRef q : p.queuesOf(spec.consumerIndex())) {
        int d = q.destination();
        int part = q.partition();
        session.consume(p.queueName(spec.subscription(), d, part), options,
            delivery -> listener.onDelivery(new EngineDelivery(delivery, d, part)));
      }
    } catch (RuntimeException ex) {
      session.close();
      sessions.remove(session);
      throw ex;
    }
    return () -> {
      session.close();
      sessions.remove(session);
    };
  }

  /** The queue every subscription queue dead-letters into, when {@link QueueEngineSettings#deadLetters()}. */
  private static String deadQueue(TopologyPlan plan) {
    return "bb-" + plan.runId() + "-dead";
  }

  /**
   * Reports what the queues dead-lettered (expired, dropped at the maximum length, at the delivery
   * limit, rejected without requeue) as removals, read from the run's dead-letter queue; nothing
   * when the settings remove no message.
   */
  @Override
  public AutoCloseable watchRemovals(RemovalListener listener) {
    requireDeclared();
    if (!settings.deadLetters()) return () -> { };
    QueueEngineRemovals removals = QueueEngineRemovals.start(engine(), deadQueue(plan), plan.subscriptionsByQueueName(),
        listener);
    return () -> {
      removals.close();
      if (removals.unattributed() > 0) {
        context.log().accept(removals.unattributed() + " dead letters named no queue of the run or no reason; not counted");
      }
    };
  }

  /** The engine, for tests and fault scenarios (crash hook). */
  QueueEngine engine() {
    QueueEngine e = engine;
    if (e == null) throw new IllegalStateException("queue-engine target is not open");
    return e;
  }

  private void requireDeclared() {
    if (plan == null) throw new IllegalStateException("queue-engine target: declare(plan) must come first");
  }

  @Override
  public void close() {
    for (QueueEnginePullConsumer c : pullConsumers) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // as for sessions below
      }
    }
    pullConsumers.clear();
    for (Session s : sessions) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // the engine may be stopped already; closing it below releases everything
      }
    }
    sessions.clear();
    QueueEngine e = engine;
    if (e != null) e.close();
  }
}
