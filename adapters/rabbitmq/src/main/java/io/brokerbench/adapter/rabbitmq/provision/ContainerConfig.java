package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.ContainerBroker;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.spi.SettingSpec.Form;
import java.time.Duration;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * How the Testcontainers RabbitMQ module is configured: which image and how long start-up may take.
 * {@link #newContainer()} only builds the container object (no Docker call), so the configuration
 * is unit-tested without an engine; {@link #start()} starts one.
 *
 * @param image a {@code rabbitmq} image, e.g. {@code rabbitmq:3.13}, or a mirror of it whose
 *     repository ends in {@code /rabbitmq}
 * @param startTimeout bound on the container reporting it is ready
 */
public record ContainerConfig(String image, Duration startTimeout) {
  public static final String DEFAULT_IMAGE = "rabbitmq:3.13";

  /** What {@code container.image} accepts: an image whose repository is {@code rabbitmq} or ends in {@code /rabbitmq}. */
  public static final Form IMAGE = Form.of("a rabbitmq image such as " + DEFAULT_IMAGE
      + " (repository rabbitmq or .../rabbitmq)", ContainerConfig::imageProblem);

  public ContainerConfig {
    String problem = image == null ? "it is missing" : IMAGE.check().apply(image);
    if (problem != null) {
      throw new IllegalArgumentException("container.image must be " + IMAGE.description() + ", found '" + image + "': " + problem);
    }
    if (startTimeout == null || startTimeout.compareTo(ProvisionRequest.MIN_START_TIMEOUT) < 0) {
      throw new IllegalArgumentException("container start timeout must be at least "
          + ProvisionRequest.MIN_START_TIMEOUT.toSeconds() + "s, was " + startTimeout);
    }
  }

  /** What is wrong with {@code image} as a RabbitMQ image, or {@code null}. */
  private static String imageProblem(String image) {
    if (image.isBlank()) return "it is blank";
    String repository;
    try {
      repository = DockerImageName.parse(image).getRepository();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "not an image name (" + e.getMessage() + ")";
    }
    return repository.equals("rabbitmq") || repository.endsWith("/rabbitmq") ? null : "repository " + repository;
  }

  /** The image as Testcontainers names it, declared a substitute for {@code rabbitmq} (mirrors). */
  public DockerImageName dockerImageName() {
    return DockerImageName.parse(image).asCompatibleSubstituteFor("rabbitmq");
  }

  /** A configured, not yet started container. */
  @SuppressWarnings("resource") // the caller starts and closes it
  public RabbitMQContainer newContainer() {
    RabbitMQContainer container = new RabbitMQContainer(dockerImageName());
    container.withStartupTimeout(startTimeout);
    return container;
  }

  /**
   * Starts a container and waits until RabbitMQ is ready; its URL holds the container's admin
   * credentials.
   *
   * @throws ProvisionException with Testcontainers' reason when it cannot start
   */
  public ContainerBroker start() throws ProvisionException {
    RabbitMQContainer container = newContainer();
    return ContainerBroker.start("RabbitMQ container " + image, image, container::start, container::close,
        () -> "amqp://" + container.getAdminUsername() + ":" + container.getAdminPassword() + "@" + container.getHost()
            + ":" + container.getAmqpPort(),
        container::getContainerId);
  }
}
