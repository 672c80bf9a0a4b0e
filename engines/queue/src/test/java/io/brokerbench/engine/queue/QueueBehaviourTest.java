package io.brokerbench.engine.queue;

import static io.brokerbench.engine.queue.Collector.bytes;
import static io.brokerbench.engine.queue.Collector.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueBehaviourTest {
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private QueueEngine engine;

  @BeforeEach
  void open() throws Exception {
    engine = QueueEngine.open(EngineConfig.inMemory().withClock(clock::get, 0));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void publish(String queue, String... bodies) {
    for (String b : bodies) engine.publish("", queue, MessageProperties.TRANSIENT, bytes(b), false).join();
  }

  private static List<String> texts(List<Delivery> ds) {
    return ds.stream().map(Collector::text).toList();
  }

  @Test
  void deliversInPublishOrderToOneConsumer() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue());
    Collector c = new Collector(Delivery::ack);
    engine.openSession(0).consume("q", ConsumerOptions.manualAck(2), c);
    for (int i = 0; i < 100; i++) publish("q", "m" + i);
    List<Delivery> got = c.next(100);
    for (int i = 0; i < 100; i++) {
      assertEquals("m" + i, text(got.get(i)));
      assertFalse(got.get(i).redelivered());
      assertEquals(1, got.get(i).deliveryCount());
    }
  }

  @Test
  void neverHandsOutMoreThanPrefetchUnacknowledged() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue());
    publish("q", "a", "b", "c", "d", "e");
    Collector c = new Collector();
    engine.openSession(0).consume("q", ConsumerOptions.manualAck(3), c);
    List<Delivery> first = c.next(3);
    assertEquals(List.of(), c.quiet());
    assertEquals(2, engine.queueStats("q").ready());
    assertEquals(3, engine.queueStats("q").unacknowledged());
    first.get(0).ack();
    assertEquals("d", text(c.next()));
    assertEquals(List.of(), c.quiet());
  }

  @Test
  void sessionPrefetchBoundsConsumersOfSeveralQueuesTogether() throws Exception {
    engine.declareQueue("q1", QueueOptions.transientQueue());
    engine.declareQueue("q2", QueueOptions.transientQueue());
    publish("q1", "a", "b", "c");
    publish("q2", "x", "y", "z");
    Collector c = new Collector();
    Session s = engine.openSession(2);
    s.consume("q1", ConsumerOptions.manualAck(2), c);
    s.consume("q2", ConsumerOptions.manualAck(2), c);
    List<Delivery> got = c.next(2);
    assertEquals(List.of(), c.quiet());
    got.get(0).ack();
    got.get(1).ack();
    c.next(2);
    assertEquals(List.of(), c.quiet());
  }

  @Test
  void competingConsumersReceiveRoundRobin() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue());
    Collector a = new Collector(Delivery::ack);
    Collector b = new Collector(Delivery::ack);
    Session s = engine.openSession(0);
    s.consume("q", ConsumerOptions.manualAck(10), a);
    s.consume("q", ConsumerOptions.manualAck(10), b);
    publish("q", "0", "1", "2", "3", "4", "5");
    assertEquals(List.of("0", "2", "4"), texts(a.next(3)));
    assertEquals(List.of("1", "3", "5"), texts(b.next(3)));
  }

  @Test
  void requeuedMessageReturnsToItsOriginalPositionFlaggedRedelivered() {
    engine.declareQueue("q", QueueOptions.transientQueue());
    publish("q", "1", "2", "3", "4");
    Session s = engine.openSession(0);
    Delivery d1 = s.get("q", false);
    Delivery d2 = s.get("q", false);
    Delivery d3 = s.get("q", false);
    assertFalse(d2.redelivered());
    d3.reject(true);
    d2.reject(true);
    d1.ack();
    Delivery again2 = s.get("q", false);
    Delivery again3 = s.get("q", false);
    Delivery first4 = s.get("q", false);
    assertEquals(List.of("2", "3", "4"), List.of(text(again2), text(again3), text(first4)));
    assertTrue(again2.redelivered());
    assertEquals(2, again2.deliveryCount());
    assertTrue(again3.redelivered());
    assertFalse(first4.redelivered());
    assertNull(s.get("q", false));
  }

  @Test
  void closedConsumerReturnsUnacknowledgedMessagesToTheNextConsumer() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue());
    publish("q", "a", "b", "c", "d");
    Collector first = new Collector();
    Session s1 = engine.openSession(0);
    Consumer c1 = s1.consume("q", ConsumerOptions.manualAck(3), first);
    List<Delivery> got = first.next(3);
    got.get(1).ack();
    c1.close();
    got.get(0).ack(); // a stale handle: its message went back to the queue
    Collector second = new Collector(Delivery::ack);
    engine.openSession(0).consume("q", ConsumerOptions.manualAck(10), second);
    List<Delivery> again = second.next(3);
    assertEquals(List.of("a", "c", "d"), texts(again));
    assertTrue(again.get(0).redelivered());
    assertTrue(again.get(1).redelivered());
    assertFalse(again.get(2).redelivered(), "d was assigned to the first consumer but never handed to its handler");
    assertEquals(List.of(), first.quiet());
  }

  @Test
  void closingTheSessionReturnsUnacknowledgedGets() {
    engine.declareQueue("q", QueueOptions.transientQueue());
    publish("q", "a");
    Session s = engine.openSession(0);
    assertEquals("a", text(s.get("q", false)));
    assertEquals(0, engine.queueStats("q").ready());
    s.close();
    Delivery d = engine.openSession(0).get("q", true);
    assertEquals("a", text(d));
    assertTrue(d.redelivered());
    assertEquals(0, engine.queueStats("q").ready());
  }

  @Test
  void autoAckDeliveriesAreSettledWhenHandedOut() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue());
    Collector c = new Collector();
    Session s = engine.openSession(0);
    Consumer consumer = s.consume("q", ConsumerOptions.autoAck(5), c);
    publish("q", "a", "b");
    c.next(2);
    consumer.close();
    QueueStats st = engine.queueStats("q");
    assertEquals(0, st.ready() + st.unacknowledged());
  }

  @Test
  void singleActiveConsumerGetsEverythingUntilItLeaves() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue().withSingleActiveConsumer(true));
    Collector a = new Collector(Delivery::ack);
    Collector b = new Collector(Delivery::ack);
    Consumer ca = engine.openSession(0).consume("q", ConsumerOptions.manualAck(10), a);
    engine.openSession(0).consume("q", ConsumerOptions.manualAck(10), b);
    publish("q", "1", "2", "3");
    assertEquals(List.of("1", "2", "3"), texts(a.next(3)));
    assertEquals(List.of(), b.quiet());
    ca.close();
    publish("q", "4");
    assertEquals("4", text(b.next()));
  }

  @Test
  void queueTtlExpiresMessagesIntoTheDeadLetterExchange() throws Exception {
    engine.declareExchange("dlx", ExchangeType.FANOUT, false);
    engine.declareQueue("dead", QueueOptions.transientQueue());
    engine.bindQueue("dead", "dlx", Binding.key(""));
    engine.declareQueue("q", QueueOptions.transientQueue().withMessageTtlMillis(1000).withDeadLetter("dlx", null));
    publish("q", "old");
    clock.addAndGet(600);
    publish("q", "young");
    clock.addAndGet(500);
    engine.expireNow();
    assertEquals(1, engine.queueStats("q").ready());
    Delivery d = engine.openSession(0).get("dead", true);
    assertEquals("old", text(d));
    assertEquals(DeadLetterReason.EXPIRED, d.deadLetterReason());
    assertEquals("q", d.headers().get(DeadLetterReason.QUEUE_HEADER));
  }

  @Test
  void perMessageTtlExpiresAtTheHeadOnGet() {
    engine.declareQueue("q", QueueOptions.transientQueue());
    engine.publish("", "q", MessageProperties.TRANSIENT.withExpirationMillis(10), bytes("short"), false).join();
    publish("q", "forever");
    clock.addAndGet(11);
    assertEquals("forever", text(engine.openSession(0).get("q", true)));
  }

  @Test
  void rejectWithoutRequeueDeadLettersWithReasonRejectedAndNewRoutingKey() {
    engine.declareExchange("dlx", ExchangeType.DIRECT, false);
    engine.declareQueue("dead", QueueOptions.transientQueue());
    engine.bindQueue("dead", "dlx", Binding.key("failed"));
    engine.declareQueue("q", QueueOptions.transientQueue().withDeadLetter("dlx", "failed"));
    publish("q", "bad");
    Session s = engine.openSession(0);
    s.get("q", false).reject(false);
    Delivery d = s.get("dead", true);
    assertEquals("bad", text(d));
    assertEquals("failed", d.routingKey());
    assertEquals(DeadLetterReason.REJECTED, d.deadLetterReason());
  }

  @Test
  void dropHeadOverflowDeadLettersTheOldestReadyMessage() {
    engine.declareExchange("dlx", ExchangeType.FANOUT, false);
    engine.declareQueue("dead", QueueOptions.transientQueue());
    engine.bindQueue("dead", "dlx", Binding.key(""));
    engine.declareQueue("q", QueueOptions.transientQueue().withMaxLength(2, Overflow.DROP_HEAD).withDeadLetter("dlx", null));
    publish("q", "1", "2", "3");
    Session s = engine.openSession(0);
    Delivery d = s.get("dead", true);
    assertEquals("1", text(d));
    assertEquals(DeadLetterReason.MAXLEN, d.deadLetterReason());
    assertEquals("2", text(s.get("q", true)));
    assertEquals("3", text(s.get("q", true)));
  }

  @Test
  void deadLetteringDuringAFanoutPublishStillReachesEveryOtherQueue() {
    engine.declareExchange("dlx", ExchangeType.FANOUT, false);
    engine.declareQueue("dead", QueueOptions.transientQueue());
    engine.bindQueue("dead", "dlx", Binding.key(""));
    engine.declareExchange("fan", ExchangeType.FANOUT, false);
    engine.declareQueue("a", QueueOptions.transientQueue().withMaxLength(1, Overflow.DROP_HEAD).withDeadLetter("dlx", null));
    engine.declareQueue("b", QueueOptions.transientQueue());
    engine.bindQueue("a", "fan", Binding.key(""));
    engine.bindQueue("b", "fan", Binding.key(""));
    for (int i = 0; i < 3; i++) engine.publish("fan", "", MessageProperties.TRANSIENT, bytes("m" + i), false).join();
    assertEquals(1, engine.queueStats("a").ready());
    assertEquals(3, engine.queueStats("b").ready());
    assertEquals(2, engine.queueStats("dead").ready());
  }

  @Test
  void flowControlBlocksPublishersUntilConsumersCatchUpButNeverBlocksDeadLettering() throws Exception {
    try (QueueEngine flow = QueueEngine.open(EngineConfig.inMemory().withClock(clock::get, 0).withQueueFlowBytes(1000))) {
      flow.declareExchange("dlx", ExchangeType.FANOUT, false);
      flow.declareQueue("dead", QueueOptions.transientQueue());
      flow.bindQueue("dead", "dlx", Binding.key(""));
      flow.declareQueue("q", QueueOptions.transientQueue().withDeadLetter("dlx", null));
      byte[] body = new byte[100];
      java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
      Thread publisher = new Thread(() -> {
        for (int i = 0; i < 30; i++) {
          flow.publish("", "q", MessageProperties.TRANSIENT, body, false).join();
          published.incrementAndGet();
        }
      });
      publisher.start();
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      while (published.get() < 10 && System.nanoTime() < deadline) Thread.sleep(1);
      Thread.sleep(100);
      assertEquals(10, published.get(), "publishes past 1000 bytes held should block");
      Session s = flow.openSession(0);
      // rejecting dead-letters into "dead", itself at no limit yet, and frees "q"
      for (int rejected = 0; rejected < 20 && System.nanoTime() < deadline + 5_000_000_000L; ) {
        Delivery d = s.get("q", false); // the publisher refills the queue as it frees up
        if (d == null) {
          Thread.onSpinWait();
          continue;
        }
        d.reject(false);
        rejected++;
      }
      publisher.join(5_000);
      assertEquals(30, published.get());
      assertEquals(20, flow.queueStats("dead").ready(), "dead-lettering is not held back, even past the limit");
      // "dead" holds 2000 bytes now: dead-lettering into it still goes through
      s.get("q", false).reject(false);
      assertEquals(21, flow.queueStats("dead").ready());
    }
  }

  @Test
  void rejectPublishOverflowFailsTheConfirm() {
    engine.declareQueue("q", QueueOptions.transientQueue().withMaxLength(1, Overflow.REJECT_PUBLISH));
    publish("q", "1");
    var f = engine.publish("", "q", MessageProperties.TRANSIENT, bytes("2"), false);
    CompletionException e = assertThrows(CompletionException.class, f::join);
    assertTrue(e.getCause() instanceof PublishRejectedException);
    assertEquals(1, engine.queueStats("q").ready());
  }

  @Test
  void deliveryLimitDeadLettersAfterTheLastAllowedDelivery() {
    engine.declareExchange("dlx", ExchangeType.FANOUT, false);
    engine.declareQueue("dead", QueueOptions.transientQueue());
    engine.bindQueue("dead", "dlx", Binding.key(""));
    engine.declareQueue("q", QueueOptions.transientQueue().withDeliveryLimit(2).withDeadLetter("dlx", null));
    publish("q", "poison");
    Session s = engine.openSession(0);
    Delivery first = s.get("q", false);
    first.reject(true);
    Delivery second = s.get("q", false);
    assertEquals(2, second.deliveryCount());
    second.reject(true);
    assertNull(s.get("q", false));
    assertEquals(DeadLetterReason.DELIVERY_LIMIT, s.get("dead", true).deadLetterReason());
  }

  @Test
  void exclusiveQueueBelongsToItsSessionAndGoesWithIt() {
    Session owner = engine.openSession(0);
    engine.declareQueue("mine", QueueOptions.transientQueue().withExclusive(true), owner);
    Session other = engine.openSession(0);
    assertThrows(TopologyException.class, () -> other.consume("mine", ConsumerOptions.autoAck(1), d -> { }));
    owner.consume("mine", ConsumerOptions.autoAck(1), d -> { });
    owner.close();
    assertFalse(engine.queueNames().contains("mine"));
  }

  @Test
  void autoDeleteQueueGoesWithItsLastConsumer() {
    engine.declareQueue("tmp", QueueOptions.transientQueue().withAutoDelete(true));
    Session s = engine.openSession(0);
    Consumer a = s.consume("tmp", ConsumerOptions.autoAck(1), d -> { });
    Consumer b = s.consume("tmp", ConsumerOptions.autoAck(1), d -> { });
    a.close();
    assertTrue(engine.queueNames().contains("tmp"));
    b.close();
    assertFalse(engine.queueNames().contains("tmp"));
  }

  @Test
  void consumerClosedFromItsOwnHandlerGetsNoMoreDeliveries() throws Exception {
    engine.declareQueue("q", QueueOptions.transientQueue());
    Consumer[] self = new Consumer[1];
    Collector c = new Collector(d -> {
      d.ack();
      self[0].close();
    });
    Session s = engine.openSession(0);
    synchronized (this) {
      self[0] = s.consume("q", ConsumerOptions.manualAck(1), c);
    }
    publish("q", "a", "b", "c");
    c.next();
    assertEquals(List.of(), c.quiet());
    assertEquals(2, engine.queueStats("q").ready());
  }

  @Test
  void redeclaringAQueueWithOtherOptionsFails() {
    engine.declareQueue("q", QueueOptions.transientQueue());
    engine.declareQueue("q", QueueOptions.transientQueue());
    assertThrows(TopologyException.class, () -> engine.declareQueue("q", QueueOptions.transientQueue().withMaxLength(1, Overflow.DROP_HEAD)));
    assertThrows(TopologyException.class, () -> engine.declareQueue("d", QueueOptions.durableQueue()));
  }
}
