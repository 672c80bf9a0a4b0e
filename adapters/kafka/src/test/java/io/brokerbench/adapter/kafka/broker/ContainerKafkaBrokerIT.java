package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.adapter.kafka.KafkaTargetSettings;
import io.brokerbench.adapter.kafka.testing.KafkaVersion;
import io.brokerbench.provision.DockerProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Starts the Kafka container. Skips when no Docker engine answers, also in CI: Docker is optional
 * on this project's machines, and the local broker covers the same ground there.
 */
class ContainerKafkaBrokerIT {

  @Test
  void containerBrokerAnswersAndIsRemovedOnClose() throws Exception {
    DockerProbe.Result docker = DockerProbe.probe();
    Assumptions.assumeTrue(docker.answers(), "skipped: no Docker engine answers (" + docker.detail() + ")");
    try (ContainerKafkaBroker broker = ContainerKafkaBroker.start(KafkaTargetSettings.DEFAULT_IMAGE, Duration.ofSeconds(120));
        Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
      assertEquals(KafkaVersion.built(), broker.reportedVersion().orElseThrow(), "the image runs kafka.version");
    }
  }
}
