package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.KafkaVersion;
import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.RealEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Target kafka provisioning its own local broker: what it reports, and that close leaves nothing running. */
class KafkaTargetLocalIT {

  @Test
  void autoWithoutDockerStartsALocalBrokerReportsItsVersionAndStopsItOnClose() throws Exception {
    RealEnvironment.assumeAvailable(io.brokerbench.adapter.kafka.broker.LocalKafkaBroker.possible(),
        "the local Kafka broker's jars are not resolved");
    boolean docker = DockerProbe.probe().answers();
    List<String> log = new CopyOnWriteArrayList<>();
    List<Long> logNanos = new CopyOnWriteArrayList<>();
    String runId = KafkaTargetIT.runId();
    KafkaTarget target = (KafkaTarget) new KafkaTargetProvider().create(
        new TargetContext(runId, SharedLocalKafka.buildDirectory("kafka-local-target-" + runId), System::nanoTime, line -> {
          logNanos.add(System.nanoTime());
          log.add(line);
        }),
        Settings.of(KafkaTargetSettings.specs(), Map.of("provision", docker ? "local" : "auto", "local.heap", "256MiB")));
    long pid;
    try {
      long openedAt = System.nanoTime();
      TargetInfo info = target.open();
      long choiceMillis = (logNanos.get(0) - openedAt) / 1_000_000;
      System.out.println("kafka target: '" + log.get(0) + "' after " + choiceMillis + " ms; broker ready after "
          + info.settings().get("local.time.to.ready.ms") + " ms (format " + info.settings().get("local.format.ms") + " ms)");
      if (!docker) {
        assertTrue(log.get(0).startsWith("provision auto -> local: no Docker engine answers"), log.get(0));
        assertFalse(log.get(0).contains("\n"), "one line");
        // The decision itself must be quick when nothing answers: no Docker socket, no port probes.
        assertTrue(choiceMillis < 2000, "auto chose after " + choiceMillis + " ms");
      }
      assertEquals(KafkaVersion.built(), info.version(), "the broker runs kafka.version");
      assertEquals(TargetMode.LOCAL, info.mode());
      assertEquals("local", info.settings().get("provision.chosen"));
      assertTrue(info.settings().containsKey("local.log"));
      assertEquals(1, target.processIds().size());
      pid = target.processIds().get(0);
      assertTrue(target.localBroker().isPresent());

      // Its defaults confirm from the broker's page cache, and the running broker's config agrees.
      Guarantee g = info.guarantee();
      assertEquals(Guarantee.ConfirmPoint.PAGE_CACHE, g.confirmedWhen(), g::toString);
      assertEquals(Guarantee.Survival.ALL_CONFIRMED, g.brokerKill(), g::toString);
      assertEquals(Guarantee.Survival.SOME_CONFIRMED, g.powerLoss(), g::toString);
      assertEquals(Long.toString(Long.MAX_VALUE), info.settings().get("topic.flush.messages"));
      assertEquals("1", info.settings().get("topic.min.insync.replicas"));
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()))) {
        String node = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next().idString();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, node);
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        assertEquals(info.settings().get("topic.flush.messages"), config.get("log.flush.interval.messages").value());
        assertEquals(info.settings().get("topic.min.insync.replicas"), config.get("min.insync.replicas").value());
      }
    } finally {
      target.close();
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the broker is stopped on close");
    assertTrue(target.processIds().isEmpty());
  }
}
