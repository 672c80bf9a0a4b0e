package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.nats.provision.LocalServerConfig;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.TargetRun;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The target against one private nats-server this class starts, reached as an external server (so
 * this also covers external provisioning and its clean-up); each test uses a run id of its own.
 */
class NatsTargetIT {
  private static LocalServerConfig config;
  private static LocalServer server;
  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    config = TargetFixture.serverConfig(Files.createTempDirectory("bb-nats-it").resolve("server"));
    server = TargetFixture.startServer(config);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.close();
  }

  private static TopologyPlan plan(String runId, Routing routing, List<String> keys, List<String> variants,
      AckMode ack) {
    return new TopologyPlan(runId, routing, 1, 1, List.of(Binding.ofKeys(keys)),
        ConsumerPlan.partitioned(1, 50, ack), 1,
        variants.stream().map(k -> new MessageVariant(k, Map.of())).toList());
  }

  @Test
  void openReportsTheServersVersionTheGuaranteeAndTheClient() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      TargetInfo info = target.open();
      assertEquals(config.installation().version().text(), info.version());
      assertEquals(TargetMode.EXTERNAL, info.mode());
      assertEquals("external", info.settings().get("provision.chosen"));
      assertEquals(config.serverName(), info.settings().get("server.name"));
      assertTrue(info.settings().get("client").startsWith("jnats 2."), info.settings().get("client"));
      assertEquals(ConfirmPoint.PAGE_CACHE, info.guarantee().confirmedWhen());
      assertEquals(List.of(), target.processIds(), "an external server is not the harness's");
    }
  }

  @ParameterizedTest(name = "{0} consumers, ack {1}")
  @CsvSource({"pull, MANUAL", "pull, AUTO", "push, MANUAL", "push, AUTO"})
  void aConsumerCreatedAfterPublishingReplaysEveryMessageOnce(String mode, AckMode ack) throws Exception {
    TargetRun f = new TargetRun(dir);
    try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "consumer.mode", mode))) {
      target.open();
      TopologyPlan plan = plan(f.runId, Routing.DIRECT, List.of(""), List.of(""), ack);
      target.declare(plan);
      f.sendConfirmed(target, plan, 500);
      List<Long> ids = new CopyOnWriteArrayList<>();
      TargetConsumer consumer = target.createConsumer(new ConsumerSpec(0, 0, 50, ack), d -> {
        ids.add(TargetRun.id(d));
        d.ack();
      });
      assertTrue(TargetRun.await(() -> ids.size() >= 500, Duration.ofSeconds(10)),
          "replayed " + ids.size() + " of 500 within 10 s (ack_wait is 30 s)");
      Thread.sleep(200);
      consumer.close();
      assertEquals(500, ids.size(), "no message twice");
      assertEquals(500, new TreeSet<>(ids).size());
    }
  }

  @Test
  void topicHashAlsoSelectsTheBareWordsAndNothingElse() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      target.open();
      TopologyPlan plan = plan(f.runId, Routing.TOPIC, List.of("orders.#"),
          List.of("orders", "orders.eu", "orders.eu.new", "audit.orders", "audit"), AckMode.MANUAL);
      assertEquals(java.util.Optional.empty(), target.supports(plan));
      target.declare(plan);
      // Variants 0, 1, 2 (orders, orders.eu, orders.eu.new) match orders.#; 3 and 4 do not.
      assertEquals(Set.of(0L, 1L, 2L, 5L, 6L, 7L), f.idsReceived(target, plan, 10, 6));
    }
  }

  @Test
  void patternsNatsCannotExpressAreDeclaredUnsupportedWithTheReason() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      TopologyPlan plan = plan(f.runId, Routing.TOPIC, List.of("orders.#.new"), List.of("orders.eu.new"), AckMode.MANUAL);
      String reason = target.supports(plan).orElseThrow();
      assertTrue(reason.contains("AMQP # matches zero or more words anywhere, NATS > only one or more tokens at the end"),
          reason);
    }
  }

  /**
   * Two competing consumers of one subscription over 2 partitions, prefetch 8 (a share of 4 per
   * durable consumer): consumer 0 holds what it gets, at most its share; consumer 1 rejects its first
   * delivery with requeue and acks the rest. The requeued message comes again flagged; once consumer
   * 0 closes, what it held goes to consumer 1 at once, flagged. Every message is acked once.
   */
  @Test
  void competingConsumersShareTheDurableConsumersAndHandBackWhatTheyHold() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      target.open();
      TopologyPlan plan = new TopologyPlan(f.runId, Routing.DIRECT, 1, 2, List.of(Binding.ofKeys(List.of(""))),
          new ConsumerPlan(2, 8, AckMode.MANUAL, ConsumerSharing.COMPETING), 1, List.of(new MessageVariant("", Map.of())));
      assertEquals(java.util.Optional.empty(), target.supports(plan));
      target.declare(plan);
      List<Delivery> held = new CopyOnWriteArrayList<>();
      TargetConsumer holder = target.createConsumer(new ConsumerSpec(0, 0, 8, AckMode.MANUAL), held::add);
      List<Long> acked = new CopyOnWriteArrayList<>();
      List<Long> redelivered = new CopyOnWriteArrayList<>();
      java.util.concurrent.atomic.AtomicBoolean rejected = new java.util.concurrent.atomic.AtomicBoolean();
      TargetConsumer acker = target.createConsumer(new ConsumerSpec(0, 1, 8, AckMode.MANUAL), d -> {
        if (d.redelivered()) redelivered.add(TargetRun.id(d));
        if (rejected.compareAndSet(false, true)) {
          d.reject(true);
        } else {
          acked.add(TargetRun.id(d));
          d.ack();
        }
      });
      f.sendConfirmed(target, plan, 100);
      assertTrue(TargetRun.await(() -> held.size() + acked.size() >= 100, Duration.ofSeconds(10)),
          "held " + held.size() + ", acked " + acked.size());
      Thread.sleep(300);
      assertTrue(held.size() >= 1 && held.size() <= 4, "consumer 0 holds " + held.size() + " with a share of 4");
      assertEquals(100 - held.size(), acked.size(), "the rest, the requeued one included, acked by consumer 1");
      assertFalse(redelivered.isEmpty(), "the requeued delivery came again flagged");
      long closedAt = System.nanoTime();
      holder.close();
      assertTrue(TargetRun.await(() -> acked.size() >= 100, Duration.ofSeconds(10)), "acked " + acked.size());
      long afterMillis = (System.nanoTime() - closedAt) / 1_000_000;
      acker.close();
      assertTrue(afterMillis < 20_000, "handed back after " + afterMillis + " ms, not after the 30 s ack wait");
      assertEquals(100, new TreeSet<>(acked).size(), "every message acked once");
      assertEquals(100, acked.size());
      for (Delivery d : held) assertTrue(redelivered.contains(TargetRun.id(d)), "handed back flagged: " + TargetRun.id(d));
    }
  }

  @Test
  void withoutNakOnCloseUnackedMessagesComeBackAfterAckWait() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "consumer.nak-on-close", false,
        "consumer.ack-wait", "1s"))) {
      target.open();
      TopologyPlan plan = plan(f.runId, Routing.DIRECT, List.of(""), List.of(""), AckMode.MANUAL);
      target.declare(plan);
      List<Delivery> first = new CopyOnWriteArrayList<>();
      TargetConsumer a = target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), first::add);
      f.sendConfirmed(target, plan, 3);
      assertTrue(TargetRun.await(() -> first.size() >= 3, Duration.ofSeconds(5)));
      a.close();
      long closedAt = System.nanoTime();
      List<Delivery> second = new CopyOnWriteArrayList<>();
      TargetConsumer b = target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {
        second.add(d);
        d.ack();
      });
      assertTrue(TargetRun.await(() -> second.size() >= 3, Duration.ofSeconds(10)));
      long afterMillis = (System.nanoTime() - closedAt) / 1_000_000;
      b.close();
      assertTrue(afterMillis >= 700, "came back after " + afterMillis + " ms, before the 1 s ack wait");
      assertTrue(second.stream().allMatch(Delivery::redelivered));
    }
  }

  @Test
  void closeDeletesTheRunsStreamsFromAnExternalServerUnlessCleanupIsOff() throws Exception {
    TargetRun kept = new TargetRun(dir);
    TargetRun cleaned = new TargetRun(dir);
    try (Connection nc = Nats.connect(server.url())) {
      for (TargetRun f : List.of(kept, cleaned)) {
        try (NatsTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "cleanup", f == cleaned))) {
          target.open();
          target.declare(plan(f.runId, Routing.DIRECT, List.of(""), List.of(""), AckMode.MANUAL));
          assertTrue(nc.jetStreamManagement().getStreamNames().contains("bb-" + f.runId + "-d0"));
        }
      }
      List<String> streams = nc.jetStreamManagement().getStreamNames();
      assertTrue(streams.contains("bb-" + kept.runId + "-d0"), streams.toString());
      assertFalse(streams.contains("bb-" + cleaned.runId + "-d0"), streams.toString());
      nc.jetStreamManagement().deleteStream("bb-" + kept.runId + "-d0");
    }
  }
}
