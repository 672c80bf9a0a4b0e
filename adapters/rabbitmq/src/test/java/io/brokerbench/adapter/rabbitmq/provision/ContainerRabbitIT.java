package io.brokerbench.adapter.rabbitmq.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.spi.TargetMode;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ through Testcontainers. Docker is never required, also not in CI: without an engine
 * this test is skipped (a plain assumption, not {@code RealEnvironment}).
 */
class ContainerRabbitIT {

  @Test
  void containerServesAmqpAndIsRemovedOnClose() throws Exception {
    DockerProbe.Result docker = DockerProbe.probe();
    Assumptions.assumeTrue(docker.answers(), "skipped: " + docker.detail());
    ProvisionedBroker broker = new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofMinutes(3)).start();
    try {
      assertEquals(TargetMode.CONTAINER, broker.mode());
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(broker.url());
      try (Connection connection = factory.newConnection()) {
        assertTrue(String.valueOf(connection.getServerProperties().get("version")).startsWith("3.13"));
      }
    } finally {
      broker.close();
    }
  }
}
