package io.brokerbench.adapter.builtin.log;

import io.brokerbench.adapter.shared.LogRedeliveries;
import io.brokerbench.engine.log.Assignor;
import io.brokerbench.engine.log.Assignors;
import io.brokerbench.engine.log.ConsumerConfig;
import io.brokerbench.engine.log.LogEngine;
import io.brokerbench.engine.log.AcknowledgementMode;
import io.brokerbench.engine.log.OffsetReset;
import io.brokerbench.engine.log.ShareConsumer;
import io.brokerbench.engine.log.ShareConsumerConfig;
import io.brokerbench.engine.log.ShareGroupConfig;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Target {@code log-engine}: a {@link LogEngine} in the harness JVM, its data directory under the
 * run's work directory ({@code <workDirectory>/log-engine-data}).
 *
 * <p>Lifecycle and threading as {@link Target} states: one harness thread calls every method here.
 * The engine runs a scheduler thread, each producer a sender thread, each consumer a dispatch
 * thread; {@link #close()} stops consumers first, then producers, then the engine.
 *
 * <h2>Consumer sharing</h2>
 * Partitioned plans use consumer groups ({@link LogEngineConsumer}): subscription {@code s} is group
 * {@code groupName(s)}, whose partitions the assignor gives out. Competing plans use share groups
 * ({@link LogShareConsumer}): subscription {@code s} is share group {@code groupName(s)}, every
 * consumer a member reading every partition of the subscription's topics, record by record, from the
 * earliest offset. Records a share group archives at its delivery count limit, or because a consumer
 * rejected them without requeue, are reported through {@link #watchRemovals} ({@link LogRemovals}).
 */
final class LogEngineTarget implements Target {
  private final TargetContext context;
  private final Settings rawSettings;
  private final LogEngineSettings settings;
  private final LogRedeliveries redeliveries = new LogRedeliveries();
  private final List<TargetConsumer> consumers = new ArrayList<>();
  private final List<LogEngineProducer> producers = new ArrayList<>();
  private LogEngine engine;
  private TopicLayout layout;
  private LogRemovals removals;
  private boolean closed;

  LogEngineTarget(TargetContext context, Settings rawSettings, LogEngineSettings settings) {
    this.context = context;
    this.rawSettings = rawSettings;
    this.settings = settings;
  }

  @Override
  public TargetInfo open() throws Exception {
    Path dataDir = context.workDirectory().resolve("log-engine-data");
    engine = LogEngine.open(dataDir, settings.log());
    LogEngine opened = engine;
    removals = new LogRemovals(opened::partition);
    engine.shareGroups().setDeliveryLimitListener(removals);
    Map<String, String> applied = new TreeMap<>(rawSettings.asMap());
    applied.put("dataDirectory", dataDir.toString());
    applied.put("offsetReset", "earliest");
    applied.putAll(settings.inapplicableSettings());
    Guarantee guarantee = settings.guarantee();
    String version = LogEngine.class.getPackage().getImplementationVersion();
    context.log().accept("log engine embedded, data in " + dataDir + "; " + guarantee);
    return new TargetInfo("log-engine", version == null ? "0.1.0-SNAPSHOT" : version, TargetMode.EMBEDDED, applied, guarantee);
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(EnumSet.of(Routing.DIRECT, Routing.FANOUT, Routing.TOPIC),
        EnumSet.of(Feature.PER_KEY_ORDER, Feature.REDELIVERY_ON_CONSUMER_CLOSE, Feature.REQUEUE_ON_REJECT,
            Feature.PREFETCH_BOUND, Feature.MANUAL_ACK,
            Feature.MULTIPLE_SUBSCRIPTIONS, Feature.COMPETING_CONSUMERS,
            // Consumer groups and share groups alike poll, and ask only while under the prefetch:
            // push and pull are the same poll loop.
            Feature.PULL_CONSUMERS));
  }

  @Override
  public void declare(TopologyPlan plan) throws Exception {
    requireOpen();
    TopicLayout l = new TopicLayout(plan);
    for (String topic : l.topics()) engine.createTopic(topic, plan.partitions());
    layout = l;
  }

  @Override
  public TargetProducer createProducer(int producerIndex) {
    requireDeclared();
    LogEngineProducer p = new LogEngineProducer(engine.producer(settings.producer()), layout, engine.time());
    producers.add(p);
    return p;
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) {
    requireDeclared();
    if (spec.subscription() >= layout.plan().subscriptionCount()) {
      throw new IllegalArgumentException("subscription " + spec.subscription() + " is not in the plan (it has "
          + layout.plan().subscriptionCount() + ")");
    }
    if (layout.plan().sharing() == ConsumerSharing.COMPETING) return createShareConsumer(spec, listener);
    Assignor assignor = settings.assignment().equals("plan") ? new PlanAssignor(layout) : Assignors.byName(settings.assignment());
    ConsumerConfig config = ConsumerConfig.defaults(layout.group(spec.subscription()))
        .withAssignor(assignor)
        .withSessionTimeout(settings.sessionTimeout())
        .withAutoCommit(false)
        .withMaxPollRecords(settings.maxPollRecords())
        .withOffsetReset(OffsetReset.EARLIEST)
        .withMemberIndex(spec.consumerIndex());
    LogEngineConsumer c = new LogEngineConsumer(engine.consumer(config), layout, spec, listener, settings, redeliveries);
    consumers.add(c);
    c.start();
    return c;
  }

  private TargetConsumer createShareConsumer(ConsumerSpec spec, DeliveryListener listener) {
    String group = layout.group(spec.subscription());
    boolean manual = spec.ackMode() == AckMode.MANUAL;
    int bulkSize = LogShareConsumer.bulkSize(settings.maxPollRecords(), spec.prefetch(), manual);
    ShareConsumerConfig config = ShareConsumerConfig.defaults(group)
        .withAcknowledgementMode(AcknowledgementMode.EXPLICIT)
        .withGroup(ShareGroupConfig.defaults().withAutoOffsetReset(OffsetReset.EARLIEST));
    removals.register(group, spec.subscription());
    ShareConsumer bulk = engine.shareConsumer(config.withMaxPollRecords(bulkSize));
    ShareConsumer single = bulkSize == 1 ? bulk : engine.shareConsumer(config.withMaxPollRecords(1));
    LogShareConsumer c = new LogShareConsumer(bulk, single, bulkSize, layout, spec, listener, removals);
    consumers.add(c);
    c.start();
    return c;
  }

  /**
   * Reports the records share groups remove (competing plans): archived at the delivery count limit,
   * or rejected without requeue. Consumer groups (partitioned plans) remove nothing.
   */
  @Override
  public AutoCloseable watchRemovals(RemovalListener listener) {
    requireOpen();
    return removals.watch(listener);
  }

  private void requireOpen() {
    if (engine == null || closed) throw new IllegalStateException("log-engine target is not open");
  }

  private void requireDeclared() {
    requireOpen();
    if (layout == null) throw new IllegalStateException("declare the topology plan first");
  }

  LogEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    for (TargetConsumer c : consumers) c.close();
    for (LogEngineProducer p : producers) p.close();
    if (engine != null) engine.close();
  }
}
