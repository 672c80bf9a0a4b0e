package io.brokerbench.adapter.redis.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.redis.AppendFsync;
import io.brokerbench.adapter.redis.Persistence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** The Testcontainers configuration, checked without a Docker engine (nothing is started). */
class ContainerConfigTest {
  private static final Persistence ALWAYS = Persistence.ofServerStartedHere(true, AppendFsync.ALWAYS);

  @Test
  void theContainerRunsTheConfiguredImageWithOurConfigurationAndExposesTheClientPort() {
    ContainerConfig config = new ContainerConfig("redis:7.0", Duration.ofSeconds(30), ALWAYS);
    GenericContainer<?> container = config.newContainer();
    assertEquals(List.of(6379), container.getExposedPorts());
    assertEquals(List.of("redis-server", ContainerConfig.CONFIG_PATH), List.of(container.getCommandParts()));
    String text = config.serverConfiguration().text();
    assertTrue(text.contains("appendfsync always\n"), text);
    assertTrue(text.contains("bind 0.0.0.0\nprotected-mode no\n"), "reachable through Docker's port mapping: " + text);
  }

  @Test
  void aMirroredRedisImageIsAcceptedAndAnotherImageRefused() {
    new ContainerConfig("registry.example.com/library/redis:7.0-alpine", Duration.ofSeconds(5), ALWAYS).newContainer();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ContainerConfig("nats:2.10", Duration.ofSeconds(30), ALWAYS));
    assertEquals("container.image must be a redis image such as redis:7.0 (repository redis or .../redis), found"
        + " 'nats:2.10': repository nats", e.getMessage());
  }
}
