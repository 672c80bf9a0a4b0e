package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.KafkaVersion;
import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.testing.RealEnvironment;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerIT {

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000));
  }

  @Test
  void startsAnswersSurvivesKillAndRestartAndStopsOnClose() throws Exception {
    RealEnvironment.assumeAvailable(LocalKafkaBroker.possible(), "the local Kafka broker's jars are not resolved");
    LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalKafkaBroker.Options(
        SharedLocalKafka.buildDirectory("kafka-lifecycle-" + System.nanoTime()), 256L << 20, Duration.ofSeconds(90), Map.of()));
    long pid = broker.processIds().get(0);
    System.out.println("local Kafka broker: storage format " + broker.formatTime().toMillis() + " ms, broker start to ready "
        + broker.timeToReady().toMillis() + " ms");
    try {
      assertEquals(KafkaVersion.built(), broker.reportedVersion().orElseThrow(), "the broker runs kafka.version");
      assertTrue(Files.size(broker.logFile()) > 0, "the broker logs to " + broker.logFile());
      try (Admin admin = admin(broker.bootstrapServers())) {
        assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
      }

      broker.kill();
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "SIGKILL ends the broker");
      assertFalse(broker.isRunning());

      broker.restart();
      long restartedPid = broker.processIds().get(0);
      System.out.println("local Kafka broker: restart to ready " + broker.timeToReady().toMillis() + " ms");
      try (Admin admin = admin(broker.bootstrapServers())) {
        assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
      }
      broker.close();
      assertFalse(ProcessHandle.of(restartedPid).map(ProcessHandle::isAlive).orElse(false), "close stops the broker");
      assertTrue(broker.processIds().isEmpty());
    } finally {
      broker.close();
    }
  }

  @Test
  void failedStartReportsTheLogAndLeavesNothingRunning() {
    RealEnvironment.assumeAvailable(LocalKafkaBroker.possible(), "the local Kafka broker's jars are not resolved");
    var options = new LocalKafkaBroker.Options(SharedLocalKafka.buildDirectory("kafka-bad-" + System.nanoTime()),
        256L << 20, Duration.ofSeconds(60), Map.of("num.network.threads", "zero"));
    ProvisionException e = assertThrows(ProvisionException.class, () -> LocalKafkaBroker.start(options));
    assertTrue(e.getMessage().contains("num.network.threads"), e.getMessage());
  }
}
