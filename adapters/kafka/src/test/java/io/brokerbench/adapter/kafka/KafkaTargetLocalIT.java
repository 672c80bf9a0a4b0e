package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.RealEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
      assertEquals("4.1.1", info.version());
      assertEquals(TargetMode.LOCAL, info.mode());
      assertEquals("local", info.settings().get("provision.chosen"));
      assertTrue(info.settings().containsKey("local.log"));
      assertEquals(1, target.processIds().size());
      pid = target.processIds().get(0);
      assertTrue(target.localBroker().isPresent());
    } finally {
      target.close();
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the broker is stopped on close");
    assertTrue(target.processIds().isEmpty());
  }
}
