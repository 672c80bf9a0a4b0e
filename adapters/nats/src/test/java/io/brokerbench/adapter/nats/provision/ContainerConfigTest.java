package io.brokerbench.adapter.nats.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.nats.SyncPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** The Testcontainers configuration, checked without a Docker engine (nothing is started). */
class ContainerConfigTest {

  @Test
  void theContainerRunsTheConfiguredImageWithOurConfigurationAndExposesTheClientPort() {
    ContainerConfig config = new ContainerConfig("nats:2.10", Duration.ofSeconds(30), SyncPolicy.parse("always"));
    GenericContainer<?> container = config.newContainer();
    assertEquals(List.of(4222), container.getExposedPorts());
    assertEquals(List.of("-c", ContainerConfig.CONFIG_PATH), List.of(container.getCommandParts()));
    assertTrue(config.serverConfiguration().text().contains("sync_interval: always"));
    assertTrue(config.serverConfiguration().text().contains("listen: \"0.0.0.0:4222\""));
  }

  @Test
  void aMirroredNatsImageIsAcceptedAndAnotherImageRefused() {
    new ContainerConfig("registry.example.com/library/nats:2.10-alpine", Duration.ofSeconds(5), null).newContainer();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ContainerConfig("redis:7", Duration.ofSeconds(30), null));
    assertEquals("container.image must be a nats image (repository nats or .../nats), found 'redis:7'", e.getMessage());
  }
}
