package io.brokerbench.adapter.rabbitmq.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.RabbitMQContainer;

/** The Testcontainers configuration, checked without a Docker engine (nothing is started). */
class ContainerConfigTest {

  @Test
  void containerUsesTheConfiguredImageAndExposesAmqp() {
    ContainerConfig config = new ContainerConfig("rabbitmq:3.13", Duration.ofSeconds(90));
    assertEquals("rabbitmq:3.13", config.dockerImageName().asCanonicalNameString().replace("docker.io/library/", ""));
    RabbitMQContainer container = config.newContainer();
    assertTrue(container.getExposedPorts().contains(5672), "exposed: " + container.getExposedPorts());
  }

  @Test
  void aMirroredRabbitImageIsAcceptedAsASubstitute() {
    ContainerConfig config = new ContainerConfig("registry.example.com/library/rabbitmq:3.13-management", Duration.ofSeconds(5));
    assertTrue(config.dockerImageName().isCompatibleWith(org.testcontainers.utility.DockerImageName.parse("rabbitmq")));
    config.newContainer();
  }

  @Test
  void anImageThatIsNotRabbitMqIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ContainerConfig("redis:7", Duration.ofSeconds(90)));
    assertEquals("container.image must be a rabbitmq image such as rabbitmq:3.13 (repository rabbitmq or .../rabbitmq),"
        + " found 'redis:7': repository redis",
        e.getMessage());
  }

  @Test
  void theDefaultImageIsRabbitMq() {
    assertEquals(ContainerConfig.DEFAULT_IMAGE,
        new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofSeconds(1)).image());
  }
}
