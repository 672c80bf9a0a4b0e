package io.brokerbench.adapter.redis.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.redis.AppendFsync;
import io.brokerbench.adapter.redis.Persistence;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.spi.TargetMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * redis-server through Testcontainers. Docker is never required, also not in CI: without an engine
 * this test is skipped (a plain assumption, not {@code RealEnvironment}).
 */
class ContainerRedisIT {

  @Test
  void containerServesWithOurPersistenceAndIsRemovedOnClose() throws Exception {
    DockerProbe.Result docker = DockerProbe.probe();
    Assumptions.assumeTrue(docker.answers(), "skipped: " + docker.detail());
    ProvisionedBroker broker = new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofMinutes(3),
        Persistence.ofServerStartedHere(true, AppendFsync.ALWAYS)).start();
    RedisClient client = RedisClient.create(broker.url());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      assertEquals(TargetMode.CONTAINER, broker.mode());
      assertTrue(c.sync().info("server").contains("redis_version:7.0"), "the image's version");
      Map<String, String> config = c.sync().configGet("appendonly", "appendfsync");
      assertEquals(Map.of("appendonly", "yes", "appendfsync", "always"), config);
    } finally {
      client.shutdown();
      broker.close();
    }
  }
}
