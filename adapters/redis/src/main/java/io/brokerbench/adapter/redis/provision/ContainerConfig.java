package io.brokerbench.adapter.redis.provision;

import io.brokerbench.adapter.redis.Persistence;
import io.brokerbench.provision.ContainerBroker;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.spi.SettingSpec.Form;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * How a redis-server container is configured: which image, the configuration file it gets (the
 * same {@link ServerConfiguration} a private server has, listening on all of the container's
 * addresses without protected mode, data under {@code /data}) and how long start-up may take.
 * {@link #newContainer()} only builds the container object (no Docker call), so the configuration
 * is unit-tested without an engine; {@link #start()} starts one.
 *
 * @param image a {@code redis} image, e.g. {@code redis:7.0}, or a mirror whose repository ends in
 *     {@code /redis}
 * @param startTimeout bound on the container reporting it is ready
 * @param persistence what the server is configured to keep
 */
public record ContainerConfig(String image, Duration startTimeout, Persistence persistence) {
  public static final String DEFAULT_IMAGE = "redis:7.0";
  /** The client port inside the container. */
  public static final int CLIENT_PORT = 6379;
  /** Where the configuration file is copied in the container. */
  static final String CONFIG_PATH = "/usr/local/etc/redis/brokerbench.conf";

  /** What {@code container.image} accepts: an image whose repository is {@code redis} or ends in {@code /redis}. */
  public static final Form IMAGE = Form.of("a redis image such as " + DEFAULT_IMAGE + " (repository redis or .../redis)",
      ContainerConfig::imageProblem);

  public ContainerConfig {
    String problem = image == null ? "it is missing" : IMAGE.check().apply(image);
    if (problem != null) {
      throw new IllegalArgumentException("container.image must be " + IMAGE.description() + ", found '" + image + "': "
          + problem);
    }
    if (startTimeout == null || startTimeout.compareTo(ProvisionRequest.MIN_START_TIMEOUT) < 0) {
      throw new IllegalArgumentException("container start timeout must be at least "
          + ProvisionRequest.MIN_START_TIMEOUT.toSeconds() + "s, was " + startTimeout);
    }
    if (persistence == null) throw new IllegalArgumentException("persistence must be set");
  }

  /** What is wrong with {@code image} as a redis image, or null when nothing is. */
  private static String imageProblem(String image) {
    if (image.isBlank()) return "it is blank";
    String repository;
    try {
      repository = DockerImageName.parse(image).getRepository();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "not an image name (" + e.getMessage() + ")";
    }
    return repository.equals("redis") || repository.endsWith("/redis") ? null : "repository " + repository;
  }

  /** The configuration file the container's server reads. */
  public ServerConfiguration serverConfiguration() {
    return ServerConfiguration.of("0.0.0.0", false, CLIENT_PORT, "/data", persistence);
  }

  /** A configured, not yet started container. */
  @SuppressWarnings("resource") // the caller starts and closes it
  public GenericContainer<?> newContainer() {
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image));
    container.withExposedPorts(CLIENT_PORT)
        .withCopyToContainer(Transferable.of(serverConfiguration().text()), CONFIG_PATH)
        .withCommand("redis-server", CONFIG_PATH)
        .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1))
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
    return ContainerBroker.start("redis-server container " + image, image, container::start, container::close,
        () -> "redis://" + container.getHost() + ":" + container.getMappedPort(CLIENT_PORT), container::getContainerId);
  }
}
