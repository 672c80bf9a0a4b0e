package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.ProvisionException;
import io.brokerbench.spi.TargetMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * RabbitMQ in a container started through Testcontainers. If the harness JVM dies, Testcontainers'
 * reaper container (Ryuk) removes it.
 */
public final class ContainerRabbit implements RabbitBroker {
  private final ContainerConfig config;
  private final RabbitMQContainer container;

  private ContainerRabbit(ContainerConfig config, RabbitMQContainer container) {
    this.config = config;
    this.container = container;
  }

  /**
   * Starts the container and waits until RabbitMQ is ready.
   *
   * @throws ProvisionException with Testcontainers' reason when it cannot start
   */
  public static ContainerRabbit start(ContainerConfig config) throws ProvisionException {
    RabbitMQContainer container = config.newContainer();
    try {
      container.start();
    } catch (RuntimeException e) {
      container.close();
      throw new ProvisionException("cannot start RabbitMQ container " + config.image() + ": " + e.getMessage(), e);
    }
    return new ContainerRabbit(config, container);
  }

  @Override
  public String amqpUri() {
    return "amqp://" + container.getAdminUsername() + ":" + container.getAdminPassword() + "@" + container.getHost()
        + ":" + container.getAmqpPort();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.CONTAINER;
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("container.image", config.image());
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
