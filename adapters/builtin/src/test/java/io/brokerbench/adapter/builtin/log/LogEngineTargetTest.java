package io.brokerbench.adapter.builtin.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.RemovalReason;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LogEngineTargetTest {
  @TempDir Path dir;

  private Target target(Map<String, Object> settings) {
    LogEngineProvider p = new LogEngineProvider();
    return p.create(new TargetContext("t1", dir, System::nanoTime, line -> { }), Settings.of(p.settings(), settings));
  }

  private static TopologyPlan plan(int partitions, int consumers) {
    return new TopologyPlan("t1", Routing.FANOUT, 2, partitions, List.of(Binding.ofKeys(List.of())),
        ConsumerPlan.partitioned(consumers, 100, AckMode.MANUAL), 16, List.of(new MessageVariant("", Map.of())));
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }

  /** Waits until every partition of the group has an owner and every consumer owns some. */
  private static void awaitStableGroup(Target t, TopologyPlan plan) throws InterruptedException {
    var groups = ((LogEngineTarget) t).engine().groups();
    int partitions = plan.destinations() * plan.partitions();
    assertTrue(await(() -> {
      var owners = groups.owners(plan.groupName(0));
      return owners.size() == partitions && new java.util.HashSet<>(owners.values()).size() == plan.consumersPerSubscription();
    }), "group did not settle: " + groups.owners(plan.groupName(0)));
  }

  private static void sendAll(TargetProducer producer, TopologyPlan plan, int count) throws Exception {
    List<CompletableFuture<Void>> confirms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int key = i % plan.keys();
      byte[] payload = new byte[64];
      Envelope.write(payload, Envelope.runTag(plan.runId()), 0, 0, key, i / plan.keys(), i, 0, 0);
      int d = plan.destinationOfKey(key);
      confirms.add(producer.send(new OutgoingMessage(d, plan.partitionOfKey(key), KafkaPartitioner.keyBytes(key), "", Map.of(), payload)));
    }
    for (CompletableFuture<Void> c : confirms) c.get(20, TimeUnit.SECONDS);
  }

  @Test
  void isFoundByServiceLoaderAsLogEngine() {
    List<String> names = ServiceLoader.load(TargetProvider.class).stream().map(p -> p.get().name()).toList();
    assertTrue(names.contains("log-engine"), names.toString());
  }

  @Test
  void refusesAcksAfterFsyncWithoutFsync() {
    SettingsException e = assertThrows(SettingsException.class, () -> target(Map.of("producer.acks", "after-fsync")));
    assertEquals("producer.acks", e.setting());
    assertThrows(SettingsException.class, () -> target(Map.of("fsync", "sometimes")));
  }

  @Test
  void reportsItselfEmbeddedWithTheSettingsApplied() throws Exception {
    try (Target t = target(Map.of("fsync", "interval(10ms)", "producer.acks", "after-fsync"))) {
      TargetInfo info = t.open();
      assertEquals(TargetMode.EMBEDDED, info.mode());
      assertEquals("interval(10ms)", info.settings().get("fsync"));
      assertTrue(info.settings().get("dataDirectory").startsWith(dir.toString()));
    }
  }

  @Test
  void consumerIConsumesExactlyThePartitionsThePlanGivesIt() throws Exception {
    TopologyPlan plan = plan(3, 2);
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      List<Delivery> byZero = new CopyOnWriteArrayList<>();
      List<Delivery> byOne = new CopyOnWriteArrayList<>();
      TargetConsumer c0 = t.createConsumer(new ConsumerSpec(0, 0, 100, AckMode.MANUAL), d -> { byZero.add(snapshot(d)); d.ack(); });
      TargetConsumer c1 = t.createConsumer(new ConsumerSpec(0, 1, 100, AckMode.MANUAL), d -> { byOne.add(snapshot(d)); d.ack(); });
      awaitStableGroup(t, plan);
      sendAll(t.createProducer(0), plan, 400);
      assertTrue(await(() -> byZero.size() + byOne.size() >= 400), "delivered " + (byZero.size() + byOne.size()));
      for (Delivery d : byZero) assertEquals(0, plan.consumerOf(d.destination(), d.partition()), "consumer 0 got " + d.destination() + "/" + d.partition());
      for (Delivery d : byOne) assertEquals(1, plan.consumerOf(d.destination(), d.partition()), "consumer 1 got " + d.destination() + "/" + d.partition());
      for (Delivery d : byZero) assertFalse(d.redelivered());
      c0.close();
      c1.close();
    }
  }

  /** Pulled consumers of either kind of group hold at most the prefetch, and report exactly the most they held. */
  @ParameterizedTest
  @EnumSource(ConsumerSharing.class)
  void pulledConsumersReportTheMostTheyHeldUnsettled(ConsumerSharing sharing) throws Exception {
    TopologyPlan plan = new TopologyPlan("t1", Routing.FANOUT, 1, 2, List.of(Binding.ofKeys(List.of())),
        new ConsumerPlan(1, 7, AckMode.MANUAL, sharing, ConsumerMode.PULL), 16, List.of(new MessageVariant("", Map.of())));
    try (Target t = target(Map.of())) {
      t.open();
      assertTrue(t.supports(plan).isEmpty(), t.supports(plan).orElse(""));
      t.declare(plan);
      List<Delivery> held = new CopyOnWriteArrayList<>();
      TargetConsumer c = t.createConsumer(new ConsumerSpec(0, 0, 7, AckMode.MANUAL, ConsumerMode.PULL), held::add);
      sendAll(t.createProducer(0), plan, 30);
      assertTrue(await(() -> held.size() >= 7), "got " + held.size());
      Thread.sleep(300);
      assertEquals(7, held.size(), "a pulled consumer holding its prefetch asks for no more");
      for (int i = 0; i < 30; i++) {
        int at = i;
        assertTrue(await(() -> held.size() > at), "stalled at " + held.size());
        held.get(i).ack();
      }
      c.close();
      assertEquals(7, c.mostUnacknowledged().orElseThrow());
    }
  }

  @Test
  void flagsAsRedeliveredWhatALeavingConsumerDidNotAcknowledge() throws Exception {
    TopologyPlan plan = plan(2, 2);
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      List<Delivery> byZero = new CopyOnWriteArrayList<>();
      List<Delivery> heldByOne = new CopyOnWriteArrayList<>();
      TargetConsumer c0 = t.createConsumer(new ConsumerSpec(0, 0, 1000, AckMode.MANUAL), d -> { byZero.add(snapshot(d)); d.ack(); });
      TargetConsumer c1 = t.createConsumer(new ConsumerSpec(0, 1, 1000, AckMode.MANUAL), d -> heldByOne.add(snapshot(d)));
      awaitStableGroup(t, plan);
      sendAll(t.createProducer(0), plan, 200);
      assertTrue(await(() -> byZero.size() + heldByOne.size() >= 200));
      int unacked = heldByOne.size();
      assertTrue(unacked > 0, "consumer 1 holds some partitions");
      c1.close();
      assertTrue(await(() -> byZero.size() >= 200), "consumer 0 took over: " + byZero.size());
      long redelivered = byZero.stream().filter(Delivery::redelivered).count();
      assertEquals(unacked, redelivered, "every unacknowledged record came back flagged, and nothing else");
      c0.close();
    }
  }

  private static TopologyPlan competingPlan(int partitions, int consumers) {
    return new TopologyPlan("t1", Routing.FANOUT, 2, partitions, List.of(Binding.ofKeys(List.of())),
        new ConsumerPlan(consumers, 100, AckMode.MANUAL, ConsumerSharing.COMPETING), 16, List.of(new MessageVariant("", Map.of())));
  }

  @Test
  void competingConsumersGetBackWhatAClosingConsumerHeldFlaggedRedelivered() throws Exception {
    TopologyPlan plan = competingPlan(2, 2);
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      List<Delivery> byZero = new CopyOnWriteArrayList<>();
      List<Delivery> heldByOne = new CopyOnWriteArrayList<>();
      TargetConsumer c0 = t.createConsumer(new ConsumerSpec(0, 0, 1000, AckMode.MANUAL), d -> { byZero.add(snapshot(d)); d.ack(); });
      TargetConsumer c1 = t.createConsumer(new ConsumerSpec(0, 1, 1000, AckMode.MANUAL), d -> heldByOne.add(snapshot(d)));
      sendAll(t.createProducer(0), plan, 400);
      assertTrue(await(() -> byZero.size() + heldByOne.size() >= 400), "delivered " + (byZero.size() + heldByOne.size()));
      int unacked = heldByOne.size();
      for (Delivery d : heldByOne) assertFalse(d.redelivered());
      c1.close();
      assertTrue(await(() -> byZero.size() >= 400), "consumer 0 took the released records: " + byZero.size());
      long redelivered = byZero.stream().filter(Delivery::redelivered).count();
      assertEquals(unacked, redelivered, "every record the closed consumer held came back flagged, and nothing else");
      c0.close();
    }
  }

  @Test
  void reportsRecordsRejectedOrArchivedAtTheDeliveryLimitAsRemoved() throws Exception {
    TopologyPlan plan = competingPlan(1, 1);
    try (Target t = target(Map.of())) {
      t.open();
      t.declare(plan);
      Map<Long, RemovalReason> removed = new ConcurrentHashMap<>();
      List<RemovalReason> reports = new CopyOnWriteArrayList<>();
      AutoCloseable watch = t.watchRemovals((s, payload, length, reason) -> {
        assertEquals(0, s);
        removed.put(Envelope.messageId(payload), reason);
        reports.add(reason);
      });
      Map<Long, Integer> deliveries = new ConcurrentHashMap<>();
      TargetConsumer c = t.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {
        long id = Envelope.messageId(d.payload());
        int n = deliveries.merge(id, 1, Integer::sum);
        assertEquals(n > 1, d.redelivered(), "message " + id + " delivery " + n);
        d.reject(id % 2 == 1); // odd: released until the limit archives them; even: rejected at once
      });
      sendAll(t.createProducer(0), plan, 20);
      assertTrue(await(() -> reports.size() >= 20), "removals reported: " + reports.size());
      Thread.sleep(100);
      assertEquals(20, reports.size(), "each removal reported once");
      for (long id = 0; id < 20; id++) {
        assertEquals(id % 2 == 1 ? RemovalReason.DELIVERY_LIMIT : RemovalReason.REJECTED, removed.get(id), "message " + id);
        assertEquals(id % 2 == 1 ? 5 : 1, deliveries.get(id), "deliveries of message " + id);
      }
      watch.close();
      c.close();
    }
  }

  /** A delivery with its payload copied (the target reuses the buffer). */
  private static Delivery snapshot(Delivery d) {
    byte[] copy = java.util.Arrays.copyOf(d.payload(), d.payloadLength());
    return new Delivery() {
      public byte[] payload() { return copy; }
      public byte[] key() { return d.key(); }
      public int destination() { return d.destination(); }
      public int partition() { return d.partition(); }
      public boolean redelivered() { return d.redelivered(); }
      public void ack() { d.ack(); }
      public void reject(boolean requeue) { d.reject(requeue); }
    };
  }
}
