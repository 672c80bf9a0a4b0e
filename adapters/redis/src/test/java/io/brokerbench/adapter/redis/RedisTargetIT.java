package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.RemovalReason;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.TargetRun;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.CommandType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target against one private redis-server this class starts, reached as an external server (so
 * this also covers external provisioning, reading an external server's persistence, and clean-up);
 * each test uses a run id of its own.
 */
class RedisTargetIT {
  private static LocalServer server;
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> direct;
  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = TargetFixture.startServer(Files.createTempDirectory("bb-redis-it").resolve("server"),
        Persistence.ofServerStartedHere(true, AppendFsync.NO));
    client = RedisClient.create(server.url());
    direct = client.connect();
  }

  @AfterAll
  static void stopServer() {
    if (direct != null) direct.close();
    if (client != null) client.shutdown();
    if (server != null) server.close();
  }

  private static TopologyPlan plan(String runId, List<String> keys, List<String> variants, AckMode ack) {
    return new TopologyPlan(runId, Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(keys)),
        ConsumerPlan.partitioned(1, 50, ack), 1,
        variants.stream().map(k -> new MessageVariant(k, Map.of())).toList());
  }

  @Test
  void openReportsTheServersVersionItsPersistenceTheGuaranteeAndTheClient() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "appendfsync", "always"))) {
      TargetInfo info = target.open();
      assertEquals(Servers.installationOrSkip().version(), info.version());
      assertEquals(TargetMode.EXTERNAL, info.mode());
      assertEquals("external", info.settings().get("provision.chosen"));
      assertEquals("appendonly=yes, appendfsync=no, no-appendfsync-on-rewrite=no, save=\"\"",
          info.settings().get("server.persistence"), "the external server's own configuration counts");
      assertTrue(info.settings().get("appendfsync").startsWith("n/a (an external server keeps its own"),
          info.settings().get("appendfsync"));
      assertEquals(ConfirmPoint.PAGE_CACHE, info.guarantee().confirmedWhen());
      assertTrue(info.settings().get("client").startsWith("lettuce 7."), info.settings().get("client"));
      assertEquals(List.of(), target.processIds(), "an external server is not the harness's");
    }
  }

  @Test
  void anExternalServerThatRefusesConfigGetHasAnUnknownGuaranteeSayingWhy() throws Exception {
    // A user who may do everything the target needs except CONFIG.
    direct.sync().aclSetuser("bb-limited", AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allChannels()
        .allCommands().removeCommand(CommandType.CONFIG));
    TargetRun f = new TargetRun(dir);
    String limited = server.url().replace("redis://", "redis://bb-limited:pw@");
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(limited))) {
      TargetInfo info = target.open();
      assertEquals(ConfirmPoint.UNSTATED, info.guarantee().confirmedWhen());
      assertTrue(info.guarantee().basis().startsWith("the server's persistence is unknown: CONFIG GET failed: NOPERM"),
          info.guarantee().basis());
      assertFalse(info.settings().toString().contains("pw@"), "no password in the reported settings");
    } finally {
      direct.sync().aclDeluser("bb-limited");
    }
  }

  @ParameterizedTest(name = "ack {0}")
  @EnumSource(AckMode.class)
  void aConsumerCreatedAfterPublishingReadsEveryMessageOnce(AckMode ack) throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      target.open();
      TopologyPlan plan = plan(f.runId, List.of(""), List.of(""), ack);
      target.declare(plan);
      f.sendConfirmed(target, plan, 500);
      List<Long> ids = new CopyOnWriteArrayList<>();
      TargetConsumer consumer = target.createConsumer(new ConsumerSpec(0, 0, 50, ack), d -> {
        ids.add(TargetRun.id(d));
        d.ack();
      });
      assertTrue(TargetRun.await(() -> ids.size() >= 500, Duration.ofSeconds(10)), "read " + ids.size() + " of 500");
      Thread.sleep(200);
      consumer.close();
      assertEquals(500, ids.size(), "no message twice");
      assertEquals(500, new TreeSet<>(ids).size());
      assertEquals(0L, direct.sync().xpending("bb-" + f.runId + "-d0-p0",
          "bb-" + f.runId + "-s0").getCount(), "nothing left pending");
    }
  }

  @Test
  void aRejectedDeliveryWithoutRequeueIsAcknowledgedAndReportedRemoved() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      target.open();
      TopologyPlan plan = plan(f.runId, List.of(""), List.of(""), AckMode.MANUAL);
      target.declare(plan);
      List<String> removed = new CopyOnWriteArrayList<>();
      AutoCloseable watch = target.watchRemovals((s, payload, length, reason) ->
          removed.add(s + ":" + TargetRun.id(payload, length) + ":" + reason));
      List<Delivery> seen = new CopyOnWriteArrayList<>();
      TargetConsumer consumer = target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {
        seen.add(d);
        d.reject(false);
      });
      f.sendConfirmed(target, plan, 1);
      assertTrue(TargetRun.await(() -> !removed.isEmpty(), Duration.ofSeconds(5)));
      Thread.sleep(300);
      consumer.close();
      watch.close();
      assertEquals(List.of("0:0:" + RemovalReason.REJECTED), removed);
      assertEquals(1, seen.size(), "never delivered again");
      assertEquals(0, direct.sync().xpending("bb-" + f.runId + "-d0-p0", "bb-" + f.runId + "-s0").getCount());
    }
  }

  @Test
  void anEntryLeftUnacknowledgedLongerThanClaimIdleIsDeliveredAgainFlagged() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "consumer.claim-idle", "1s"))) {
      target.open();
      TopologyPlan plan = plan(f.runId, List.of(""), List.of(""), AckMode.MANUAL);
      target.declare(plan);
      List<Delivery> seen = new CopyOnWriteArrayList<>();
      TargetConsumer consumer = target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {
        seen.add(d);
        if (d.redelivered()) d.ack(); // the first delivery is held, never settled
      });
      long sent = System.nanoTime();
      f.sendConfirmed(target, plan, 1);
      assertTrue(TargetRun.await(() -> seen.size() >= 2, Duration.ofSeconds(10)), "got " + seen.size());
      long afterMillis = (System.nanoTime() - sent) / 1_000_000;
      consumer.close();
      assertTrue(afterMillis >= 900, "came back after " + afterMillis + " ms, before the 1 s claim-idle");
      assertFalse(seen.get(0).redelivered());
      assertTrue(seen.get(1).redelivered());
    }
  }

  @Test
  void entriesTrimmedWhilePendingAreNeitherDeliveredAgainNorCountedRemoved() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "stream.max-length", 2))) {
      target.open();
      TopologyPlan plan = plan(f.runId, List.of(""), List.of(""), AckMode.MANUAL);
      target.declare(plan);
      List<String> removed = new CopyOnWriteArrayList<>();
      AutoCloseable watch = target.watchRemovals((s, payload, length, reason) ->
          removed.add(TargetRun.id(payload, length) + ":" + reason));
      List<Delivery> first = new CopyOnWriteArrayList<>();
      TargetConsumer a = target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), first::add);
      try (var producer = target.createProducer(0)) {
        for (long id = 0; id < 2; id++) producer.send(f.message(plan, id)).get();
        assertTrue(TargetRun.await(() -> first.size() >= 2, Duration.ofSeconds(5)));
        a.close(); // 0 and 1 stay pending, unacknowledged
        for (long id = 2; id < 4; id++) producer.send(f.message(plan, id)).get(); // trims 0 and 1
      }
      List<Delivery> second = new CopyOnWriteArrayList<>();
      TargetConsumer b = target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {
        second.add(d);
        d.ack();
      });
      assertTrue(TargetRun.await(() -> second.size() >= 2, Duration.ofSeconds(5)), "got " + second.size());
      Thread.sleep(300);
      b.close();
      watch.close();
      assertEquals(List.of(2L, 3L), second.stream().map(TargetRun::id).toList(),
          "the claim finds 0 and 1 deleted (XAUTOCLAIM reports them apart) and the consumer reads on");
      assertFalse(second.get(0).redelivered());
      assertEquals(List.of(), removed, "0 and 1 had been delivered before the trim");
    }
  }

  @Test
  void aCappedAppendLoadsItsScriptAgainWhenTheServerForgotIt() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "stream.max-length", 10))) {
      target.open();
      TopologyPlan plan = plan(f.runId, List.of(""), List.of(""), AckMode.MANUAL);
      target.declare(plan);
      try (var producer = target.createProducer(0)) {
        producer.send(f.message(plan, 0)).get(5, TimeUnit.SECONDS);
        direct.sync().scriptFlush(); // as after a restart: EVALSHA now answers NOSCRIPT
        producer.send(f.message(plan, 1)).get(5, TimeUnit.SECONDS);
        producer.send(f.message(plan, 2)).get(5, TimeUnit.SECONDS);
      }
      assertEquals(3L, direct.sync().xlen("bb-" + f.runId + "-d0-p0"));
    }
  }

  @Test
  void directRoutingDeliversOnlyTheBoundKeys() throws Exception {
    TargetRun f = new TargetRun(dir);
    try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url()))) {
      target.open();
      TopologyPlan plan = plan(f.runId, List.of("eu", "audit"), List.of("eu", "us", "audit"), AckMode.MANUAL);
      target.declare(plan);
      assertEquals(Set.of(0L, 2L, 3L, 5L, 6L, 8L), f.idsReceived(target, plan, 9, 6),
          "variants 0 (eu) and 2 (audit), not 1 (us)");
    }
  }

  @Test
  void closeDeletesTheRunsStreamsFromAnExternalServerUnlessCleanupIsOff() throws Exception {
    TargetRun kept = new TargetRun(dir);
    TargetRun cleaned = new TargetRun(dir);
    for (TargetRun f : List.of(kept, cleaned)) {
      try (RedisTarget target = TargetFixture.create(f, TargetFixture.external(server.url(), "cleanup", f == cleaned))) {
        target.open();
        TopologyPlan plan = plan(f.runId, List.of("a"), List.of("a", "b"), AckMode.MANUAL);
        target.declare(plan);
        f.sendConfirmed(target, plan, 2);
        assertEquals(2L, direct.sync().exists("bb-" + f.runId + "-d0-p0.a", "bb-" + f.runId + "-d0-p0.b"));
      }
    }
    assertEquals(2L, direct.sync().exists("bb-" + kept.runId + "-d0-p0.a", "bb-" + kept.runId + "-d0-p0.b"));
    assertEquals(0L, direct.sync().exists("bb-" + cleaned.runId + "-d0-p0.a", "bb-" + cleaned.runId + "-d0-p0.b"),
        "both the bound stream and the one no subscription reads");
    direct.sync().del("bb-" + kept.runId + "-d0-p0.a", "bb-" + kept.runId + "-d0-p0.b");
  }
}
