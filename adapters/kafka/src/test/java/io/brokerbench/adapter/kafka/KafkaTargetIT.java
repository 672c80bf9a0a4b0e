package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Target kafka through the SPI against the shared local broker (provision external). */
class KafkaTargetIT {
  private static final AtomicLong RUNS = new AtomicLong();

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<KafkaTarget> targets = new ArrayList<>();
  private TargetInfo lastInfo;

  @AfterEach
  void closeTargets() {
    targets.forEach(KafkaTarget::close);
  }

  static String runId() {
    return "it" + Long.toString(System.currentTimeMillis(), 36) + RUNS.incrementAndGet();
  }

  private KafkaTarget open(String runId, Map<String, ?> settings) throws Exception {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("provision", "external");
    all.put("bootstrap-servers", SharedLocalKafka.bootstrapServers());
    KafkaTarget target = (KafkaTarget) new KafkaTargetProvider().create(
        new TargetContext(runId, SharedLocalKafka.buildDirectory("kafka-target-it"), System::nanoTime, log::add),
        Settings.of(KafkaTargetSettings.specs(), all));
    targets.add(target);
    TargetInfo info = target.open();
    lastInfo = info;
    assertEquals(TargetMode.EXTERNAL, info.mode());
    assertEquals("external", info.settings().get("provision.chosen"));
    assertTrue(info.settings().containsKey("cluster.metadata.version.level"), info.settings().toString());
    assertEquals("all", info.settings().get("producer.acks"));
    return target;
  }

  static TopologyPlan plan(String runId, Routing routing, int partitions, List<Binding> subscriptions, int consumers,
      AckMode ackMode, List<String> routingKeys) {
    List<MessageVariant> variants = new ArrayList<>();
    for (String key : routingKeys) variants.add(new MessageVariant(key, Map.of()));
    return new TopologyPlan(runId, routing, 1, partitions, subscriptions,
        ConsumerPlan.partitioned(consumers, 100, ackMode), 32, variants);
  }

  /** Message {@code id}: key {@code id % keys}, the plan's partition for it, variant {@code id % variants}. */
  static OutgoingMessage message(TopologyPlan plan, long id) {
    int key = (int) (id % plan.keys());
    MessageVariant variant = plan.variantOf(id);
    return new OutgoingMessage(0, plan.partitionOfKey(key), KafkaPartitioner.keyBytes(key), variant.routingKey(), Map.of(),
        ByteBuffer.allocate(16).putLong(id).putLong(System.nanoTime()).array());
  }

  static long idOf(Delivery d) {
    return ByteBuffer.wrap(d.payload()).getLong();
  }

  /** Sends ids {@code from} until {@code to} and waits for every confirm. */
  static void sendAll(TargetProducer producer, TopologyPlan plan, long from, long to) throws Exception {
    List<CompletableFuture<Void>> confirms = new ArrayList<>();
    for (long id = from; id < to; id++) confirms.add(producer.send(message(plan, id)));
    CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(10);
    }
  }

  /** Deliveries per subscription, as (id, partition, redelivered, consumer index). */
  record Received(long id, int partition, boolean redelivered, int consumer) {}

  private static DeliveryListener collect(List<Received> into, int consumer, boolean ack) {
    return d -> {
      into.add(new Received(idOf(d), d.partition(), d.redelivered(), consumer));
      if (ack) d.ack();
    };
  }

  @Test
  void everyGroupReceivesEveryConfirmedMessageOnceFromThePartitionsThePlanGivesEachConsumer() throws Exception {
    String runId = runId();
    TopologyPlan plan = plan(runId, Routing.FANOUT, 4, List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of())), 3,
        AckMode.AUTO, List.of(""));
    KafkaTarget target = open(runId, Map.of());
    target.declare(plan);
    target.declare(plan);
    List<List<Received>> bySubscription = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < 3; c++) {
        target.createConsumer(new ConsumerSpec(s, c, 100, AckMode.AUTO), collect(bySubscription.get(s), c, false));
      }
    }
    int n = 3000;
    try (TargetProducer producer = target.createProducer(0)) {
      sendAll(producer, plan, 0, n);
    }
    for (int s = 0; s < 2; s++) {
      List<Received> received = bySubscription.get(s);
      await(() -> received.size() >= n, "subscription " + s + " to receive " + n);
      Set<Long> ids = new HashSet<>();
      for (Received r : received) {
        assertTrue(ids.add(r.id()), "message " + r.id() + " delivered twice to subscription " + s);
        assertEquals(plan.partitionOfKey((int) (r.id() % plan.keys())), r.partition(), "the plan's partition");
        assertEquals(plan.consumerOf(0, r.partition()), r.consumer(), "partition " + r.partition() + " read by its consumer");
        assertFalse(r.redelivered());
      }
      assertEquals(n, ids.size());
    }
    assertEquals(List.of("provision external: requested in the settings"), log, "nothing but the provisioning line");
  }

  @Test
  void redeliversUnackedMessagesFlaggedWhenTheConsumerClosesWithoutCommitting() throws Exception {
    String runId = runId();
    TopologyPlan plan = plan(runId, Routing.FANOUT, 1, List.of(Binding.ofKeys(List.of())), 1, AckMode.MANUAL, List.of(""));
    KafkaTarget target = open(runId, Map.of("consumer.commit", "sync"));
    target.declare(plan);
    try (TargetProducer producer = target.createProducer(0)) {
      sendAll(producer, plan, 0, 20);
    }
    List<Delivery> first = new CopyOnWriteArrayList<>();
    TargetConsumer a = target.createConsumer(new ConsumerSpec(0, 0, 100, AckMode.MANUAL), d -> {
      first.add(d);
      if (idOf(d) < 10) d.ack();
    });
    await(() -> first.size() == 20, "20 first deliveries");
    a.close();
    assertTrue(first.stream().noneMatch(Delivery::redelivered));

    List<Received> second = new CopyOnWriteArrayList<>();
    TargetConsumer b = target.createConsumer(new ConsumerSpec(0, 0, 100, AckMode.MANUAL), collect(second, 0, true));
    try (TargetProducer producer = target.createProducer(1)) {
      sendAll(producer, plan, 20, 25);
    }
    await(() -> second.size() == 15, "10 redeliveries and 5 new messages");
    b.close();
    for (Received r : second) {
      assertEquals(r.id() < 20, r.redelivered(), "message " + r.id());
      assertTrue(r.id() >= 10, "acked message " + r.id() + " was committed and not delivered again");
    }
  }

  @Test
  void rejectWithRequeueDeliversTheMessageAgainFlagged() throws Exception {
    String runId = runId();
    TopologyPlan plan = plan(runId, Routing.FANOUT, 1, List.of(Binding.ofKeys(List.of())), 1, AckMode.MANUAL, List.of(""));
    KafkaTarget target = open(runId, Map.of());
    target.declare(plan);
    List<Received> received = new CopyOnWriteArrayList<>();
    Set<Long> rejected = ConcurrentHashMap.newKeySet();
    target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {
      long id = idOf(d);
      received.add(new Received(id, d.partition(), d.redelivered(), 0));
      if (id == 3 && rejected.add(id)) d.reject(true);
      else d.ack();
    });
    try (TargetProducer producer = target.createProducer(0)) {
      sendAll(producer, plan, 0, 8);
    }
    await(() -> received.size() == 9, "8 deliveries and one redelivery");
    assertEquals(List.of(0L, 1L, 2L, 3L, 3L, 4L, 5L, 6L, 7L), received.stream().map(Received::id).toList());
    assertEquals(1, received.stream().filter(Received::redelivered).count());
    assertTrue(received.get(4).redelivered());
  }

  @Test
  void topicRoutingSendsToATopicPerRoutingKeyAndEachGroupGetsWhatItsPatternSelects() throws Exception {
    for (String assignment : List.of("static", "subscribe")) {
      String runId = runId();
      List<Binding> bindings = List.of(Binding.ofKeys(List.of("eu.*")), Binding.ofKeys(List.of("#.fr")),
          Binding.ofKeys(List.of("us.#")));
      TopologyPlan plan = plan(runId, Routing.TOPIC, 2, bindings, 2, AckMode.AUTO, List.of("eu.fr", "eu.de", "us.fr", "apac"));
      KafkaTarget target = open(runId, Map.of("consumer.assignment", assignment, "consumer.session-timeout", "6s"));
      target.declare(plan);
      List<List<Received>> bySubscription = new ArrayList<>();
      for (int s = 0; s < bindings.size(); s++) {
        List<Received> into = new CopyOnWriteArrayList<>();
        bySubscription.add(into);
        for (int c = 0; c < 2; c++) target.createConsumer(new ConsumerSpec(s, c, 100, AckMode.AUTO), collect(into, c, false));
      }
      int n = 400;
      try (TargetProducer producer = target.createProducer(0)) {
        sendAll(producer, plan, 0, n);
      }
      for (int s = 0; s < bindings.size(); s++) {
        Set<Long> expected = new HashSet<>();
        for (long id = 0; id < n; id++) if (plan.routes(s, plan.variantOf(id))) expected.add(id);
        List<Received> received = bySubscription.get(s);
        await(() -> received.size() >= expected.size(), assignment + ": subscription " + s + " to receive " + expected.size());
        Thread.sleep(300);
        Set<Long> got = new HashSet<>();
        for (Received r : received) got.add(r.id());
        assertEquals(expected, got, assignment + ": subscription " + s);
        assertEquals(expected.size(), received.size(), assignment + ": no duplicates in subscription " + s);
      }
      target.close();
    }
  }

  @Test
  void topicFlushAlwaysCreatesTopicsThatFsyncEveryAppendAndTheGuaranteeSaysSo() throws Exception {
    String runId = runId();
    TopologyPlan plan = plan(runId, Routing.FANOUT, 1, List.of(Binding.ofKeys(List.of())), 1, AckMode.AUTO, List.of(""));
    open(runId, Map.of());
    Guarantee external = lastInfo.guarantee();
    assertEquals(Guarantee.ConfirmPoint.PAGE_CACHE, external.confirmedWhen(), external::toString);
    assertTrue(external.basis().contains("unknown (external broker"), external.basis());

    KafkaTarget target = open(runId, Map.of("topic.flush", "always"));
    Guarantee flushed = lastInfo.guarantee();
    assertEquals(Guarantee.ConfirmPoint.FSYNC, flushed.confirmedWhen(), flushed::toString);
    assertEquals(Guarantee.Survival.ALL_CONFIRMED, flushed.powerLoss(), flushed::toString);
    assertEquals("1", lastInfo.settings().get("topic.flush.messages"));
    target.declare(plan);
    String topic = new KafkaTopology(plan).topics().get(0);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedLocalKafka.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      assertEquals("1", config.get("flush.messages").value(), "the topic " + topic + " fsyncs every append");
    }
  }

  @Test
  void directRoutingReadsOnlyTheTopicsOfTheBindingKeys() throws Exception {
    String runId = runId();
    List<Binding> bindings = List.of(Binding.ofKeys(List.of("red")), Binding.ofKeys(List.of("red", "blue")));
    TopologyPlan plan = plan(runId, Routing.DIRECT, 2, bindings, 1, AckMode.AUTO, List.of("red", "blue", "green"));
    KafkaTarget target = open(runId, Map.of());
    target.declare(plan);
    List<Received> red = new CopyOnWriteArrayList<>();
    List<Received> redBlue = new CopyOnWriteArrayList<>();
    target.createConsumer(new ConsumerSpec(0, 0, 100, AckMode.AUTO), collect(red, 0, false));
    target.createConsumer(new ConsumerSpec(1, 0, 100, AckMode.AUTO), collect(redBlue, 0, false));
    try (TargetProducer producer = target.createProducer(0)) {
      sendAll(producer, plan, 0, 300);
    }
    await(() -> red.size() >= 100 && redBlue.size() >= 200, "100 red and 200 red or blue");
    Thread.sleep(300);
    assertEquals(100, red.size());
    assertTrue(red.stream().allMatch(r -> r.id() % 3 == 0));
    assertEquals(200, redBlue.size());
    assertTrue(redBlue.stream().noneMatch(r -> r.id() % 3 == 2), "no green");
  }

  @Test
  void withGroupSubscriptionAClosedConsumersUnackedRecordsGoToTheRemainingOneFlaggedRedelivered() throws Exception {
    String runId = runId();
    TopologyPlan plan = plan(runId, Routing.FANOUT, 4, List.of(Binding.ofKeys(List.of())), 2, AckMode.MANUAL, List.of(""));
    KafkaTarget target = open(runId, Map.of("consumer.assignment", "subscribe", "consumer.commit", "async",
        "consumer.session-timeout", "3s"));
    target.declare(plan);
    List<Received> a = new CopyOnWriteArrayList<>();
    List<Received> b = new CopyOnWriteArrayList<>();
    // Consumer 0 acks nothing; consumer 1 acks everything.
    TargetConsumer first = target.createConsumer(new ConsumerSpec(0, 0, 1000, AckMode.MANUAL), collect(a, 0, false));
    target.createConsumer(new ConsumerSpec(0, 1, 1000, AckMode.MANUAL), collect(b, 1, true));
    try (TargetProducer producer = target.createProducer(0)) {
      sendAll(producer, plan, 0, 400);
    }
    await(() -> a.size() + b.size() >= 400, "400 first deliveries");
    assertFalse(a.isEmpty(), "the coordinator gave consumer 0 some partitions");
    // Records may move between the consumers in the rebalance when consumer 1 joins; what matters
    // is what happens after consumer 0 closes with everything it got unacknowledged.
    int before = b.size();
    first.close();
    Set<Long> unacked = new HashSet<>();
    for (Received r : a) unacked.add(r.id());
    Set<Long> atConsumer1BeforeClose = new HashSet<>();
    for (Received r : b.subList(0, before)) atConsumer1BeforeClose.add(r.id());
    Set<Long> owed = new HashSet<>(unacked);
    owed.removeAll(atConsumer1BeforeClose);
    await(() -> {
      Set<Long> got = new HashSet<>();
      for (Received r : b.subList(before, b.size())) got.add(r.id());
      return got.containsAll(owed);
    }, "consumer 0's " + owed.size() + " unacked records at consumer 1");
    int flagged = 0;
    for (Received r : b.subList(before, b.size())) {
      if (unacked.contains(r.id())) {
        assertTrue(r.redelivered(), "record " + r.id() + " was delivered to consumer 0 before");
        flagged++;
      }
    }
    assertTrue(flagged >= owed.size());
  }
}
