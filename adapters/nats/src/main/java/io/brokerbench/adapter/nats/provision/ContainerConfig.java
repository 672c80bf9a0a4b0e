package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.SyncPolicy;
import io.brokerbench.provision.ContainerBroker;
import io.brokerbench.provision.ProvisionException;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * How a nats-server container is configured: which image, the configuration file it gets (the same
 * {@link ServerConfiguration} a private server has, listening on all of the container's addresses,
 * JetStream storing under {@code /data}) and how long start-up may take. {@link #newContainer()}
 * only builds the container object (no Docker call), so the configuration is unit-tested without an
 * engine; {@link #start()} starts one.
 *
 * @param image a {@code nats} image, e.g. {@code nats:2.10}, or a mirror whose repository ends in
 *     {@code /nats}
 * @param startTimeout bound on the container reporting it is ready
 * @param sync JetStream's sync interval, or null for the server's default
 */
public record ContainerConfig(String image, Duration startTimeout, SyncPolicy sync) {
  public static final String DEFAULT_IMAGE = "nats:2.10";
  /** The client port inside the container. */
  public static final int CLIENT_PORT = 4222;
  /** Where the configuration file is copied in the container. */
  static final String CONFIG_PATH = "/etc/brokerbench-nats.conf";

  public ContainerConfig {
    if (image == null || image.isBlank()) throw new IllegalArgumentException("container.image must not be blank");
    String repository;
    try {
      repository = DockerImageName.parse(image).getRepository();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("container.image is not an image name, found '" + image + "': " + e.getMessage());
    }
    if (!repository.equals("nats") && !repository.endsWith("/nats")) {
      throw new IllegalArgumentException("container.image must be a nats image (repository nats or .../nats), found '"
          + image + "'");
    }
    if (startTimeout == null || startTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("container start timeout must be at least 1s, was " + startTimeout);
    }
  }

  /** The configuration file the container's server reads. */
  public ServerConfiguration serverConfiguration() {
    return new ServerConfiguration("brokerbench", "0.0.0.0", CLIENT_PORT, "/data", sync);
  }

  /** A configured, not yet started container. */
  @SuppressWarnings("resource") // the caller starts and closes it
  public GenericContainer<?> newContainer() {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image));
    container.withExposedPorts(CLIENT_PORT)
        .withCopyToContainer(Transferable.of(serverConfiguration().text()), CONFIG_PATH)
        .withCommand("-c", CONFIG_PATH)
        .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1))
        .withStartupTimeout(startTimeout);
    return container;
  }

  /**
   * Starts a container and waits until the server says it is ready.
   *
   * @throws ProvisionException with Testcontainers' reason when it cannot start
   */
  public ContainerBroker start() throws ProvisionException {
    GenericContainer<?> container = newContainer();
    return ContainerBroker.start("nats-server container " + image, image, container::start, container::close,
        () -> "nats://" + container.getHost() + ":" + container.getMappedPort(CLIENT_PORT), container::getContainerId);
  }
}
