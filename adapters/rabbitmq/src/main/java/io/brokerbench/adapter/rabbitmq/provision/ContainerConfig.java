package io.brokerbench.adapter.rabbitmq.provision;

import java.time.Duration;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * How the Testcontainers RabbitMQ module is configured: which image and how long start-up may take.
 * {@link #newContainer()} only builds the container object (no Docker call), so the configuration
 * is unit-tested without an engine.
 *
 * @param image a {@code rabbitmq} image, e.g. {@code rabbitmq:3.13}, or a mirror of it whose
 *     repository ends in {@code /rabbitmq}
 * @param startTimeout bound on the container reporting it is ready
 */
public record ContainerConfig(String image, Duration startTimeout) {
  public static final String DEFAULT_IMAGE = "rabbitmq:3.13";

  public ContainerConfig {
    if (image == null || image.isBlank()) throw new IllegalArgumentException("container.image must not be blank");
    String repository;
    try {
      repository = DockerImageName.parse(image).getRepository();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("container.image is not an image name, found '" + image + "': " + e.getMessage());
    }
    if (!repository.equals("rabbitmq") && !repository.endsWith("/rabbitmq")) {
      throw new IllegalArgumentException("container.image must be a rabbitmq image (repository rabbitmq or .../rabbitmq),"
          + " found '" + image + "'");
    }
    if (startTimeout == null || startTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("container start timeout must be at least 1s, was " + startTimeout);
    }
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
}
