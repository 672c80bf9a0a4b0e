package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.ProvisionException;
import io.brokerbench.spi.TargetMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;

/**
 * redis-server in a container started through Testcontainers. If the harness JVM dies,
 * Testcontainers' reaper container (Ryuk) removes it.
 */
public final class ContainerRedis implements RedisBroker {
  private final ContainerConfig config;
  private final GenericContainer<?> container;

  private ContainerRedis(ContainerConfig config, GenericContainer<?> container) {
    this.config = config;
    this.container = container;
  }

  /**
   * Starts the container and waits until the server says it is ready.
   *
   * @throws ProvisionException with Testcontainers' reason when it cannot start
   */
  public static ContainerRedis start(ContainerConfig config) throws ProvisionException {
    GenericContainer<?> container = config.newContainer();
    try {
      container.start();
    } catch (RuntimeException e) {
      container.close();
      throw new ProvisionException("cannot start redis-server container " + config.image() + ": " + e.getMessage(), e);
    }
    return new ContainerRedis(config, container);
  }

  @Override
  public String url() {
    return "redis://" + container.getHost() + ":" + container.getMappedPort(ContainerConfig.CLIENT_PORT);
  }

  @Override
  public TargetMode mode() {
    return TargetMode.CONTAINER;
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("container.id", container.getContainerId() == null ? "" : container.getContainerId());
    return out;
  }

  @Override
  public void close() {
    try {
      container.close();
    } catch (RuntimeException ignored) {
      // Ryuk removes it at JVM exit anyway.
    }
  }
}
