package io.brokerbench.adapter.builtin.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue engine's pulled consumers: the prefetch bound, settling, competing over queues, close. */
class QueueEnginePullConsumerTest {
  @TempDir Path work;

  private Target open(TopologyPlan plan) throws Exception {
    TargetProvider p = new QueueEngineTargetProvider();
    Target t = p.create(new TargetContext("t1", work, System::nanoTime, line -> { }), Settings.of(p.settings(), Map.of()));
    t.open();
    t.declare(plan);
    return t;
  }

  private static TopologyPlan plan(int partitions, int consumers, int prefetch, ConsumerSharing sharing) {
    return new TopologyPlan("t1", Routing.DIRECT, 1, partitions, List.of(Binding.ofKeys(List.of(""))),
        new ConsumerPlan(consumers, prefetch, AckMode.MANUAL, sharing, ConsumerMode.PULL), 16,
        List.of(new MessageVariant("", Map.of())));
  }

  private static void send(TargetProducer producer, TopologyPlan plan, int n) throws Exception {
    for (int id = 0; id < n; id++) {
      byte[] payload = new byte[Envelope.SIZE];
      Envelope.write(payload, 1L, 0, 0, id, id, id, 0L, 0L);
      producer.send(new OutgoingMessage(0, id % plan.partitions(), KafkaPartitioner.keyBytes(id), "", Map.of(), payload))
          .get(5, TimeUnit.SECONDS);
    }
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }

  @Test
  void holdsAtMostThePrefetchAndAsksAgainOnceOneIsSettled() throws Exception {
    TopologyPlan plan = plan(1, 1, 3, ConsumerSharing.PARTITIONED);
    try (Target t = open(plan)) {
      send(t.createProducer(0), plan, 10);
      List<Delivery> held = Collections.synchronizedList(new ArrayList<>());
      TargetConsumer c = t.createConsumer(new ConsumerSpec(0, 0, 3, AckMode.MANUAL, ConsumerMode.PULL), held::add);
      assertTrue(await(() -> held.size() >= 3));
      Thread.sleep(200);
      assertEquals(3, held.size(), "a pulled consumer holding its prefetch asks no further");
      held.get(0).ack();
      assertTrue(await(() -> held.size() >= 4), "settling one lets the next be taken");
      Thread.sleep(100);
      assertEquals(4, held.size());
      for (int i = 1; i < 10; i++) {
        int at = i;
        assertTrue(await(() -> held.size() > at));
        held.get(i).ack();
      }
      assertEquals(10, held.size());
      c.close();
      assertEquals(3, c.mostUnacknowledged().orElseThrow());
    }
  }

  @Test
  void competingPulledConsumersTakeEveryQueueOnce() throws Exception {
    TopologyPlan plan = plan(3, 2, 4, ConsumerSharing.COMPETING);
    try (Target t = open(plan)) {
      List<Long> ids = Collections.synchronizedList(new ArrayList<>());
      List<TargetConsumer> consumers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        consumers.add(t.createConsumer(new ConsumerSpec(0, i, 4, AckMode.MANUAL, ConsumerMode.PULL), d -> {
          ids.add(Envelope.messageId(d.payload()));
          d.ack();
        }));
      }
      send(t.createProducer(0), plan, 300);
      assertTrue(await(() -> ids.size() >= 300), "got " + ids.size() + " of 300");
      Thread.sleep(50);
      assertEquals(300, ids.size());
      assertEquals(300, new HashSet<>(ids).size());
      for (TargetConsumer c : consumers) {
        c.close();
        assertTrue(c.mostUnacknowledged().orElseThrow() <= 4);
      }
    }
  }

  @Test
  void closeReturnsUnsettledDeliveriesFlaggedRedelivered() throws Exception {
    TopologyPlan plan = plan(1, 1, 5, ConsumerSharing.PARTITIONED);
    try (Target t = open(plan)) {
      send(t.createProducer(0), plan, 5);
      List<Delivery> first = Collections.synchronizedList(new ArrayList<>());
      TargetConsumer a = t.createConsumer(new ConsumerSpec(0, 0, 5, AckMode.MANUAL, ConsumerMode.PULL), first::add);
      assertTrue(await(() -> first.size() >= 5));
      for (Delivery d : first) assertFalse(d.redelivered());
      first.get(0).ack();
      a.close();
      a.close();
      Set<Long> again = Collections.synchronizedSet(new HashSet<>());
      List<Boolean> flags = Collections.synchronizedList(new ArrayList<>());
      TargetConsumer b = t.createConsumer(new ConsumerSpec(0, 0, 5, AckMode.MANUAL, ConsumerMode.PULL), d -> {
        again.add(Envelope.messageId(d.payload()));
        flags.add(d.redelivered());
        d.ack();
      });
      assertTrue(await(() -> again.size() >= 4), "the 4 unsettled came back: " + again);
      Thread.sleep(50);
      assertEquals(Set.of(1L, 2L, 3L, 4L), again);
      assertEquals(List.of(true, true, true, true), flags);
      b.close();
    }
  }

  @Test
  void autoAckPullsEverythingWithoutHolding() throws Exception {
    TopologyPlan plan = plan(2, 1, 1, ConsumerSharing.PARTITIONED);
    try (Target t = open(plan)) {
      List<Long> ids = Collections.synchronizedList(new ArrayList<>());
      TargetConsumer c = t.createConsumer(new ConsumerSpec(0, 0, 1, AckMode.AUTO, ConsumerMode.PULL),
          d -> ids.add(Envelope.messageId(d.payload())));
      send(t.createProducer(0), plan, 50);
      assertTrue(await(() -> ids.size() >= 50), "got " + ids.size() + " of 50");
      c.close();
      assertEquals(0, c.mostUnacknowledged().orElseThrow());
    }
  }
}
