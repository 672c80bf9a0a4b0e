package io.brokerbench.adapter.nats.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.spi.TargetMode;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * nats-server through Testcontainers. Docker is never required, also not in CI: without an engine
 * this test is skipped (a plain assumption, not {@code RealEnvironment}).
 */
class ContainerNatsIT {

  @Test
  void containerServesJetStreamAndIsRemovedOnClose() throws Exception {
    DockerProbe.Result docker = DockerProbe.probe();
    Assumptions.assumeTrue(docker.answers(), "skipped: " + docker.detail());
    ProvisionedBroker broker = new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofMinutes(3), null).start();
    try {
      assertEquals(TargetMode.CONTAINER, broker.mode());
      try (Connection connection = Nats.connect(broker.url())) {
        assertTrue(connection.getServerInfo().isJetStreamAvailable());
        assertTrue(connection.getServerInfo().getVersion().startsWith("2.10"), connection.getServerInfo().getVersion());
      }
    } finally {
      broker.close();
    }
  }
}
