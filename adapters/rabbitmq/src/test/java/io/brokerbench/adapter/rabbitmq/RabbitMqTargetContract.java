package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rabbitmq target driven through the SPI against a real server; subclasses say which server.
 * Every test uses its own run id, so its queues and exchanges are its own, and the target deletes
 * them at close.
 */
abstract class RabbitMqTargetContract {
  @TempDir Path work;
  private final List<Target> targets = new ArrayList<>();

  /** The server under test, {@code amqp://user:pass@host:port}. */
  abstract String amqpUri();

  @AfterEach
  void closeTargets() {
    targets.forEach(Target::close);
  }

  private Target open(TargetFixture fixture, Object... extraSettings) throws Exception {
    Target target = fixture.create(TargetFixture.external(amqpUri(), extraSettings));
    targets.add(target);
    target.open();
    return target;
  }

  private static TopologyPlan plan(String runId, Routing routing, int partitions, List<Binding> subscriptions,
      int consumers, int prefetch, AckMode ackMode, int keys, List<MessageVariant> variants) {
    return new TopologyPlan(runId, routing, 1, partitions, subscriptions,
        ConsumerPlan.partitioned(consumers, prefetch, ackMode), keys, variants);
  }

  private static final List<MessageVariant> KEY_A = List.of(new MessageVariant("a", Map.of()));

  /** Sends {@code count} messages round-robin over {@code keys} keys and waits for every confirm. */
  private static void sendAll(TargetFixture fixture, TargetProducer producer, TopologyPlan plan, int count)
      throws Exception {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    long[] sequence = new long[plan.keys()];
    for (long id = 0; id < count; id++) {
      int key = (int) (id % plan.keys());
      futures.add(producer.send(fixture.message(plan, 0, key, sequence[key]++, id, 100)));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  @Test
  void reportsServerVersionAndAppliedSettings() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = fixture.create(TargetFixture.external(amqpUri(), "queue.type", "quorum"));
    targets.add(target);
    TargetInfo info = target.open();
    assertEquals("rabbitmq", info.name());
    assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+.*"), info.version());
    assertEquals("quorum", info.settings().get("queue.type"));
    assertEquals("external", info.settings().get("provision.chosen"));
    assertTrue(info.settings().get("client").startsWith("amqp-client "), info.settings().toString());
    assertFalse(info.settings().toString().contains(":guest@"), "no password in the reported settings");
    assertEquals(Guarantee.ConfirmPoint.FSYNC, info.guarantee().confirmedWhen(), info.guarantee().toString());
    assertEquals(TargetInfo.notApplicable("quorum queues write every message to disk"),
        info.settings().get("message.persistent"));
  }

  @Test
  void statesTheGuaranteeOfTheAppliedSettings() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target durable = fixture.create(TargetFixture.external(amqpUri()));
    targets.add(durable);
    Guarantee persistent = durable.open().guarantee();
    assertEquals(new Guarantee(Guarantee.ConfirmPoint.FSYNC, 1, Guarantee.Survival.ALL_CONFIRMED,
        Guarantee.Survival.ALL_CONFIRMED, "queue.type=classic, queue.durable=true, message.persistent=true, "
            + "producer.confirms=true"), persistent);
    Target transientMessages = fixture.create(TargetFixture.external(amqpUri(), "message.persistent", false));
    targets.add(transientMessages);
    TargetInfo info = transientMessages.open();
    assertEquals(Guarantee.ConfirmPoint.RECEIVED, info.guarantee().confirmedWhen(), info.guarantee().toString());
    assertEquals("false", info.settings().get("message.persistent"));
  }

  @Test
  void publishesWithConfirmsAndDeliversEachQueueOnlyToItsConsumerInKeyOrder() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 4, List.of(Binding.ofKeys(List.of("a"))), 2, 50,
        AckMode.MANUAL, 16, KEY_A);
    target.declare(plan);
    Recorder c0 = Recorder.acking();
    Recorder c1 = Recorder.acking();
    target.createConsumer(new ConsumerSpec(0, 0, 50, AckMode.MANUAL), c0);
    target.createConsumer(new ConsumerSpec(0, 1, 50, AckMode.MANUAL), c1);
    TargetProducer producer = target.createProducer(0);

    sendAll(fixture, producer, plan, 2000);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (c0.count() + c1.count() < 2000 && System.nanoTime() < deadline) Thread.sleep(20);
    Set<Long> ids = new HashSet<>();
    for (int consumer = 0; consumer < 2; consumer++) {
      Map<Integer, Long> lastSequence = new HashMap<>();
      for (Recorder.Received r : (consumer == 0 ? c0 : c1).received()) {
        assertEquals(consumer, plan.consumerOf(r.destination(), r.partition()), "queue of partition " + r.partition());
        assertEquals(plan.partitionOfKey(r.key()), r.partition(), "key " + r.key() + " arrived from another partition");
        Long previous = lastSequence.put(r.key(), r.sequence());
        assertTrue(previous == null || previous < r.sequence(), "key " + r.key() + ": " + r.sequence() + " after " + previous);
        assertFalse(r.redelivered());
        assertTrue(ids.add(r.messageId()), "duplicate " + r.messageId());
      }
    }
    assertEquals(2000, ids.size());
  }

  @Test
  void prefetchBoundsUnacknowledgedDeliveriesAndCloseRedeliversThemFlagged() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 1, List.of(Binding.ofKeys(List.of("a"))), 1, 5,
        AckMode.MANUAL, 1, KEY_A);
    target.declare(plan);
    Recorder holding = Recorder.holding();
    TargetConsumer first = target.createConsumer(new ConsumerSpec(0, 0, 5, AckMode.MANUAL), holding);
    sendAll(fixture, target.createProducer(0), plan, 20);

    assertEquals(5, holding.awaitCount(5, 10));
    Thread.sleep(500);
    assertEquals(5, holding.count(), "prefetch 5 must hold back further deliveries while 5 are unacknowledged");
    Set<Long> held = new TreeSet<>();
    holding.received().forEach(r -> held.add(r.messageId()));

    first.close();
    Recorder second = Recorder.acking();
    target.createConsumer(new ConsumerSpec(0, 0, 5, AckMode.MANUAL), second);
    assertEquals(20, second.awaitCount(20, 20));
    for (Recorder.Received r : second.received()) {
      assertEquals(held.contains(r.messageId()), r.redelivered(), "message " + r.messageId());
    }
    Thread.sleep(300);
    assertEquals(20, second.count(), "no further deliveries once all are acknowledged");
  }

  @Test
  void rejectWithRequeueDeliversTheMessageAgainFlaggedRedelivered() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 1, List.of(Binding.ofKeys(List.of("a"))), 1, 1,
        AckMode.MANUAL, 1, KEY_A);
    target.declare(plan);
    Set<Long> rejectedOnce = new HashSet<>();
    Recorder recorder = Recorder.settling(d -> {
      long id = io.brokerbench.envelope.Envelope.messageId(d.payload());
      synchronized (rejectedOnce) {
        if (rejectedOnce.add(id)) d.reject(true);
        else d.ack();
      }
    });
    target.createConsumer(new ConsumerSpec(0, 0, 1, AckMode.MANUAL), recorder);
    sendAll(fixture, target.createProducer(0), plan, 3);
    assertEquals(6, recorder.awaitCount(6, 20));
    List<Recorder.Received> all = recorder.received();
    for (long id = 0; id < 3; id++) {
      final long m = id;
      List<Boolean> flags = all.stream().filter(r -> r.messageId() == m).map(Recorder.Received::redelivered).toList();
      assertEquals(List.of(false, true), flags, "message " + id);
    }
  }

  @Test
  void autoAckConsumersReceiveWithoutSettling() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture, "queue.durable", false, "message.persistent", false);
    TopologyPlan plan = plan(fixture.runId, Routing.FANOUT, 2, List.of(Binding.ofKeys(List.of())), 1, 10,
        AckMode.AUTO, 4, List.of(new MessageVariant("", Map.of())));
    target.declare(plan);
    Recorder recorder = Recorder.holding();
    target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.AUTO), recorder);
    sendAll(fixture, target.createProducer(0), plan, 200);
    assertEquals(200, recorder.awaitCount(200, 20), "auto-ack is not held back by the prefetch");
  }

  /** Bindings and message variants where every variant reaches at least one subscription. */
  private static TopologyPlan routingPlan(String runId, Routing routing) {
    return switch (routing) {
      case DIRECT -> plan(runId, routing, 2, List.of(Binding.ofKeys(List.of("red")), Binding.ofKeys(List.of("red", "blue"))),
          1, 100, AckMode.MANUAL, 8, List.of(new MessageVariant("red", Map.of()), new MessageVariant("blue", Map.of())));
      case FANOUT -> plan(runId, routing, 2, List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of())),
          1, 100, AckMode.MANUAL, 8, List.of(new MessageVariant("", Map.of())));
      case TOPIC -> plan(runId, routing, 2,
          List.of(Binding.ofKeys(List.of("eu.*")), Binding.ofKeys(List.of("#.gold")), Binding.ofKeys(List.of("us.#"))),
          1, 100, AckMode.MANUAL, 8, List.of(new MessageVariant("eu.gold", Map.of()), new MessageVariant("us.east.gold", Map.of()),
              new MessageVariant("eu.silver", Map.of()), new MessageVariant("us", Map.of())));
      case HEADERS -> plan(runId, routing, 2,
          List.of(Binding.ofHeaders(Map.of("region", "eu", "tier", "gold"), HeaderMatch.ALL),
              Binding.ofHeaders(Map.of("region", "us", "tier", "gold"), HeaderMatch.ANY)),
          1, 100, AckMode.MANUAL, 8, List.of(new MessageVariant("", Map.of("region", "eu", "tier", "gold")),
              new MessageVariant("", Map.of("region", "us", "tier", "silver")),
              new MessageVariant("", Map.of("tier", "gold"))));
    };
  }

  @ParameterizedTest
  @EnumSource(Routing.class)
  void eachSubscriptionReceivesExactlyWhatTheReferenceRouterSelects(Routing routing) throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = routingPlan(fixture.runId, routing);
    target.declare(plan);
    List<Recorder> recorders = new ArrayList<>();
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      Recorder r = Recorder.acking();
      recorders.add(r);
      target.createConsumer(new ConsumerSpec(s, 0, 100, AckMode.MANUAL), r);
    }
    int count = 120;
    sendAll(fixture, target.createProducer(0), plan, count);

    for (int s = 0; s < plan.subscriptionCount(); s++) {
      Set<Long> expected = new TreeSet<>();
      for (long id = 0; id < count; id++) if (plan.routes(s, plan.variantOf(id))) expected.add(id);
      assertFalse(expected.isEmpty(), "the plan must route something to subscription " + s);
      recorders.get(s).awaitCount(expected.size(), 20);
      Thread.sleep(200);
      Set<Long> got = new TreeSet<>();
      recorders.get(s).received().forEach(r -> got.add(r.messageId()));
      assertEquals(expected, got, routing + " subscription " + s);
    }
  }

  @Test
  void unroutableMandatoryMessageFailsItsSend() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 1, List.of(Binding.ofKeys(List.of("a"))), 1, 10,
        AckMode.MANUAL, 1, List.of(new MessageVariant("a", Map.of()), new MessageVariant("nobody", Map.of())));
    target.declare(plan);
    TargetProducer producer = target.createProducer(0);
    CompletableFuture<Void> routed = producer.send(fixture.message(plan, 0, 0, 0, 0, 100));
    CompletableFuture<Void> unroutable = producer.send(fixture.message(plan, 0, 0, 1, 1, 100));
    routed.get(10, TimeUnit.SECONDS);
    ExecutionException e = assertThrows(ExecutionException.class, () -> unroutable.get(10, TimeUnit.SECONDS));
    assertInstanceOf(MessageReturnedException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("NO_ROUTE"), e.getCause().getMessage());
  }

  @Test
  void negativeConfirmFailsItsSend() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 1, List.of(Binding.ofKeys(List.of("a"))), 1, 10,
        AckMode.MANUAL, 1, KEY_A);
    target.declare(plan);
    // A queue that refuses every publish, bound to the same exchange: the broker nacks the message.
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(amqpUri());
    String refusing = "bb-" + fixture.runId + "-refusing";
    try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
      channel.queueDeclare(refusing, false, false, true, Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
      channel.queueBind(refusing, plan.exchangeName(0, 0), "a");
      TargetProducer producer = target.createProducer(0);
      CompletableFuture<Void> send = producer.send(fixture.message(plan, 0, 0, 0, 0, 100));
      ExecutionException e = assertThrows(ExecutionException.class, () -> send.get(10, TimeUnit.SECONDS));
      assertInstanceOf(PublishRefusedException.class, e.getCause());
      channel.queueDelete(refusing);
    }
  }

  @ParameterizedTest
  @EnumSource(value = QueueType.class, names = {"QUORUM", "STREAM"})
  void replicatedQueueTypesCarryMessagesEndToEnd(QueueType type) throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture, "queue.type", type.yamlName());
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 2, List.of(Binding.ofKeys(List.of("a"))), 1, 20,
        AckMode.MANUAL, 4, KEY_A);
    target.declare(plan);
    Recorder recorder = Recorder.acking();
    target.createConsumer(new ConsumerSpec(0, 0, 20, AckMode.MANUAL), recorder);
    sendAll(fixture, target.createProducer(0), plan, 300);
    assertEquals(300, recorder.awaitCount(300, 30));
    assertEquals(300, recorder.received().stream().map(Recorder.Received::messageId).distinct().count());
  }

  @ParameterizedTest
  @EnumSource(value = QueueType.class, names = {"CLASSIC", "QUORUM"})
  void pulledConsumerHoldsAtMostItsPrefetchAndCloseReturnsTheRestFlagged(QueueType type) throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture, "queue.type", type.yamlName());
    TopologyPlan plan = new TopologyPlan(fixture.runId, Routing.DIRECT, 1, 2, List.of(Binding.ofKeys(List.of("a"))),
        new ConsumerPlan(1, 5, AckMode.MANUAL, ConsumerSharing.PARTITIONED, ConsumerMode.PULL), 4, KEY_A);
    assertTrue(target.supports(plan).isEmpty(), target.supports(plan).orElse(""));
    target.declare(plan);
    Recorder holding = Recorder.holding();
    TargetConsumer first = target.createConsumer(new ConsumerSpec(0, 0, 5, AckMode.MANUAL, ConsumerMode.PULL), holding);
    sendAll(fixture, target.createProducer(0), plan, 20);

    assertEquals(5, holding.awaitCount(5, 10));
    Thread.sleep(500);
    assertEquals(5, holding.count(), "a pulled consumer holding its prefetch of 5 asks for no more");
    Set<Long> held = new TreeSet<>();
    holding.received().forEach(r -> held.add(r.messageId()));
    first.close();
    assertEquals(5, first.mostUnacknowledged().orElseThrow());

    Recorder second = Recorder.acking();
    TargetConsumer again = target.createConsumer(new ConsumerSpec(0, 0, 5, AckMode.MANUAL, ConsumerMode.PULL), second);
    assertEquals(20, second.awaitCount(20, 20));
    for (Recorder.Received r : second.received()) {
      assertEquals(held.contains(r.messageId()), r.redelivered(), "message " + r.messageId());
    }
    Thread.sleep(300);
    assertEquals(20, second.count(), "no further deliveries once all are acknowledged");
    again.close();
    assertTrue(again.mostUnacknowledged().orElseThrow() <= 5);
  }

  @Test
  void autoAckPulledConsumerTakesEveryMessage() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture);
    TopologyPlan plan = new TopologyPlan(fixture.runId, Routing.DIRECT, 1, 2, List.of(Binding.ofKeys(List.of("a"))),
        new ConsumerPlan(2, 1, AckMode.AUTO, ConsumerSharing.COMPETING, ConsumerMode.PULL), 4, KEY_A);
    target.declare(plan);
    Recorder c0 = Recorder.holding();
    Recorder c1 = Recorder.holding();
    target.createConsumer(new ConsumerSpec(0, 0, 1, AckMode.AUTO, ConsumerMode.PULL), c0);
    target.createConsumer(new ConsumerSpec(0, 1, 1, AckMode.AUTO, ConsumerMode.PULL), c1);
    sendAll(fixture, target.createProducer(0), plan, 200);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (c0.count() + c1.count() < 200 && System.nanoTime() < deadline) Thread.sleep(20);
    Set<Long> ids = new HashSet<>();
    c0.received().forEach(r -> assertTrue(ids.add(r.messageId()), "duplicate " + r.messageId()));
    c1.received().forEach(r -> assertTrue(ids.add(r.messageId()), "duplicate " + r.messageId()));
    assertEquals(200, ids.size());
  }

  @Test
  void streamQueuesDeclarePullUnsupported() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture, "queue.type", "stream");
    TopologyPlan plan = new TopologyPlan(fixture.runId, Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of("a"))),
        new ConsumerPlan(1, 5, AckMode.MANUAL, ConsumerSharing.PARTITIONED, ConsumerMode.PULL), 1, KEY_A);
    assertFalse(target.capabilities().has(io.brokerbench.spi.Feature.PULL_CONSUMERS));
    assertTrue(target.supports(plan).orElseThrow().contains("consumers.mode: pull"), target.supports(plan).toString());
  }

  @Test
  void sharedConnectionsCarryEveryProducerAndConsumer() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = open(fixture, "connections.shared", true);
    TopologyPlan plan = plan(fixture.runId, Routing.DIRECT, 2, List.of(Binding.ofKeys(List.of("a"))), 2, 20,
        AckMode.MANUAL, 4, KEY_A);
    target.declare(plan);
    Recorder c0 = Recorder.acking();
    Recorder c1 = Recorder.acking();
    target.createConsumer(new ConsumerSpec(0, 0, 20, AckMode.MANUAL), c0);
    target.createConsumer(new ConsumerSpec(0, 1, 20, AckMode.MANUAL), c1);
    TargetProducer p0 = target.createProducer(0);
    TargetProducer p1 = target.createProducer(1);
    sendAll(fixture, p0, plan, 100);
    p0.close();
    sendAll(fixture, p1, plan, 100); // the shared connection outlives a closed producer
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (c0.count() + c1.count() < 200 && System.nanoTime() < deadline) Thread.sleep(20);
    assertEquals(200, c0.count() + c1.count());
  }
}
