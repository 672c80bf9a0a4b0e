package io.brokerbench.adapter.builtin.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueEngineTargetTest {
  @TempDir Path work;

  private static TargetProvider provider() {
    for (TargetProvider p : ServiceLoader.load(TargetProvider.class)) {
      if (p.name().equals("queue-engine")) return p;
    }
    throw new AssertionError("queue-engine is not registered with ServiceLoader");
  }

  private Target target(Map<String, ?> settings) {
    TargetProvider p = provider();
    return p.create(new TargetContext("t1", work, System::nanoTime, line -> { }), Settings.of(p.settings(), settings));
  }

  private static TopologyPlan plan(Routing routing, int destinations, int partitions, List<Binding> subs, int consumers,
      int prefetch, AckMode ack, List<MessageVariant> variants) {
    return new TopologyPlan("t1", routing, destinations, partitions, subs,
        ConsumerPlan.partitioned(consumers, prefetch, ack), 16, variants);
  }

  private static OutgoingMessage message(TopologyPlan plan, int key, long id, long seq) {
    byte[] payload = new byte[Envelope.SIZE + 10];
    Envelope.write(payload, 1L, 0, 0, key, seq, id, 0L, 0L);
    MessageVariant v = plan.variantOf(id);
    return new OutgoingMessage(plan.destinationOfKey(key), plan.partitionOfKey(key), KafkaPartitioner.keyBytes(key),
        v.routingKey(), v.headers(), payload);
  }

  private record Received(int subscription, int consumer, long id, int key, long seq, int destination, int partition,
      boolean redelivered) {}

  @Test
  void isFoundByServiceLoaderAndReportsEmbeddedMode() throws Exception {
    try (Target t = target(Map.of())) {
      TargetInfo info = t.open();
      assertEquals("queue-engine", info.name());
      assertEquals(TargetMode.EMBEDDED, info.mode());
      assertEquals("false", info.settings().get("queue.durable"));
    }
  }

  @Test
  void rejectsUnknownSettings() {
    TargetProvider p = provider();
    assertThrows(SettingsException.class, () -> Settings.of(p.settings(), Map.of("fsycn", "always")));
  }

  @Test
  void deliversWhatTheReferenceRouterSelectsToTheConsumerOwningEachQueueInKeyOrder() throws Exception {
    List<MessageVariant> variants = List.of(new MessageVariant("eu.orders", Map.of()), new MessageVariant("us.orders", Map.of()),
        new MessageVariant("eu.returns.late", Map.of()));
    List<Binding> subs = List.of(Binding.ofKeys(List.of("eu.#")), Binding.ofKeys(List.of("*.orders")), Binding.ofKeys(List.of("#")));
    TopologyPlan plan = plan(Routing.TOPIC, 2, 3, subs, 2, 8, AckMode.MANUAL, variants);
    LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      List<TargetConsumer> consumers = new ArrayList<>();
      for (int s = 0; s < subs.size(); s++) {
        for (int c = 0; c < 2; c++) {
          int sub = s;
          int ci = c;
          consumers.add(t.createConsumer(new ConsumerSpec(s, c, 8, AckMode.MANUAL), d -> {
            byte[] b = d.payload();
            received.add(new Received(sub, ci, Envelope.messageId(b), Envelope.key(b), Envelope.sequence(b), d.destination(),
                d.partition(), d.redelivered()));
            d.ack();
          }));
        }
      }
      TargetProducer producer = t.createProducer(0);
      Map<Integer, Long> seqs = new HashMap<>();
      int expected = 0;
      List<CompletableFuture<Void>> confirms = new ArrayList<>();
      for (long id = 0; id < 600; id++) {
        int key = (int) (id % 16);
        long seq = seqs.merge(key, 1L, Long::sum) - 1;
        confirms.add(producer.send(message(plan, key, id, seq)));
        for (int s = 0; s < subs.size(); s++) if (plan.routes(s, plan.variantOf(id))) expected++;
      }
      CompletableFuture.allOf(confirms.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
      Map<String, Long> lastSeq = new HashMap<>();
      for (int i = 0; i < expected; i++) {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "only " + i + " of " + expected + " deliveries arrived");
        assertTrue(plan.routes(r.subscription(), plan.variantOf(r.id())), "unexpected delivery " + r);
        assertEquals(plan.destinationOfKey(r.key()), r.destination());
        assertEquals(plan.partitionOfKey(r.key()), r.partition());
        assertEquals(plan.consumerOf(r.destination(), r.partition()), r.consumer(), "queue consumed by the wrong consumer: " + r);
        Long prev = lastSeq.put(r.subscription() + "/" + r.key(), r.seq());
        assertTrue(prev == null || prev < r.seq(), "per-key order broken: " + prev + " then " + r);
        assertFalse(r.redelivered());
      }
      Thread.sleep(100);
      assertTrue(received.isEmpty(), "extra deliveries: " + received);
      consumers.forEach(TargetConsumer::close);
    }
  }

  @Test
  void headersRoutingUsesAllAndAnyBindings() throws Exception {
    List<MessageVariant> variants = List.of(new MessageVariant("", Map.of("a", "1", "b", "2")), new MessageVariant("", Map.of("a", "1")));
    List<Binding> subs = List.of(Binding.ofHeaders(Map.of("a", "1", "b", "2"), HeaderMatch.ALL),
        Binding.ofHeaders(Map.of("a", "1", "b", "2"), HeaderMatch.ANY));
    TopologyPlan plan = plan(Routing.HEADERS, 1, 1, subs, 1, 100, AckMode.AUTO, variants);
    AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger()};
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      for (int s = 0; s < 2; s++) {
        int sub = s;
        t.createConsumer(new ConsumerSpec(s, 0, 100, AckMode.AUTO), d -> counts[sub].incrementAndGet());
      }
      TargetProducer producer = t.createProducer(0);
      for (long id = 0; id < 10; id++) producer.send(message(plan, 0, id, id)).get(5, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while ((counts[0].get() < 5 || counts[1].get() < 10) && System.nanoTime() < deadline) Thread.sleep(5);
      Thread.sleep(50);
      assertEquals(5, counts[0].get());
      assertEquals(10, counts[1].get());
    }
  }

  @Test
  void closedConsumerMessagesComeBackFlaggedRedeliveredAndPrefetchHolds() throws Exception {
    TopologyPlan plan = plan(Routing.FANOUT, 1, 1, List.of(Binding.ofKeys(List.of())), 1, 4, AckMode.MANUAL,
        List.of(new MessageVariant("", Map.of())));
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      TargetProducer producer = t.createProducer(0);
      for (long id = 0; id < 10; id++) producer.send(message(plan, 0, id, id)).get(5, TimeUnit.SECONDS);
      LinkedBlockingQueue<Delivery> held = new LinkedBlockingQueue<>();
      TargetConsumer first = t.createConsumer(new ConsumerSpec(0, 0, 4, AckMode.MANUAL), held::add);
      for (int i = 0; i < 4; i++) assertNotNull(held.poll(5, TimeUnit.SECONDS));
      assertEquals(null, held.poll(150, TimeUnit.MILLISECONDS), "more than prefetch 4 unacknowledged");
      first.close();
      Map<Long, Boolean> flags = new ConcurrentHashMap<>();
      t.createConsumer(new ConsumerSpec(0, 0, 4, AckMode.MANUAL), d -> {
        flags.put(Envelope.messageId(d.payload()), d.redelivered());
        d.ack();
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (flags.size() < 10 && System.nanoTime() < deadline) Thread.sleep(5);
      for (long id = 0; id < 10; id++) assertEquals(id < 4, flags.get(id), "redelivered flag of message " + id);
    }
  }

  @Test
  void prefetchBoundsTheConsumerAcrossItsQueuesUnlessScopedPerQueue() throws Exception {
    assertEquals(3, heldWithoutAcks(Map.of()));
    assertEquals(6, heldWithoutAcks(Map.of("consumer.prefetch-scope", "queue")));
  }

  /** One consumer of two queues, prefetch 3, never acking: how many deliveries it gets. */
  private int heldWithoutAcks(Map<String, ?> settings) throws Exception {
    TopologyPlan plan = plan(Routing.DIRECT, 1, 2, List.of(Binding.ofKeys(List.of("k"))), 1, 3, AckMode.MANUAL,
        List.of(new MessageVariant("k", Map.of())));
    AtomicInteger held = new AtomicInteger();
    try (Target t = target(settings)) {
      t.open();
      t.declare(plan);
      boolean perQueue = settings.containsKey("consumer.prefetch-scope");
      assertEquals(!perQueue, t.capabilities().has(io.brokerbench.spi.Feature.PREFETCH_BOUND));
      t.createConsumer(new ConsumerSpec(0, 0, 3, AckMode.MANUAL), d -> held.incrementAndGet());
      TargetProducer producer = t.createProducer(0);
      int[] perPartition = new int[2];
      long id = 0;
      for (int key = 0; perPartition[0] < 10 || perPartition[1] < 10; key++) {
        int p = plan.partitionOfKey(key);
        if (perPartition[p] >= 10) continue;
        perPartition[p]++;
        producer.send(message(plan, key, id++, 0)).get(5, TimeUnit.SECONDS);
      }
      Thread.sleep(200);
      return held.get();
    }
  }

  @Test
  void durableRunKeepsItsJournalUnderTheWorkDirectory() throws Exception {
    TopologyPlan plan = plan(Routing.DIRECT, 1, 2, List.of(Binding.ofKeys(List.of("k"))), 1, 10, AckMode.MANUAL,
        List.of(new MessageVariant("k", Map.of())));
    try (Target t = target(Map.of("queue.durable", true, "message.persistent", true, "fsync", "always"))) {
      TargetInfo info = t.open();
      t.declare(plan);
      TargetProducer producer = t.createProducer(0);
      for (long id = 0; id < 20; id++) producer.send(message(plan, (int) id % 16, id, id)).get(5, TimeUnit.SECONDS);
      assertTrue(info.settings().get("dataDirectory").startsWith(work.toString()));
      assertTrue(((QueueEngineTarget) t).engine().journalStats().fsyncs() > 0);
    }
    try (var files = Files.list(work.resolve("queue-engine"))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".journal")));
    }
  }
}
