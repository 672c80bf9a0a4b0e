package io.brokerbench.provision;

import io.brokerbench.spi.TargetMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A broker in a container the harness started (through Testcontainers, which the adapter brings;
 * harness-core sees the container only through the functions given to {@link #start}). If the
 * harness JVM dies, Testcontainers' reaper container (Ryuk) removes it.
 *
 * <p>Threading: as {@link ProvisionedBroker}.
 */
public final class ContainerBroker implements ProvisionedBroker {
  private final String image;
  private final Runnable close;
  private final Supplier<String> url;
  private final Supplier<String> containerId;

  private ContainerBroker(String image, Runnable close, Supplier<String> url, Supplier<String> containerId) {
    this.image = image;
    this.close = close;
    this.url = url;
    this.containerId = containerId;
  }

  /**
   * Starts a configured container and waits as its own start does (until it reports it is ready).
   *
   * @param what names it in messages, e.g. {@code nats-server container nats:2.10}
   * @param image the image, reported as {@code container.image}
   * @param start starts the container; throws a {@link RuntimeException} when it cannot
   * @param close stops and removes it; called on a failed start as well
   * @param url where clients connect once it runs (host and mapped port)
   * @param containerId its id once it runs, or null
   * @throws ProvisionException with the container runtime's reason when it cannot start
   */
  public static ContainerBroker start(String what, String image, Runnable start, Runnable close, Supplier<String> url,
      Supplier<String> containerId) throws ProvisionException {
    try {
      start.run();
    } catch (RuntimeException e) {
      close.run();
      throw new ProvisionException("cannot start " + what + ": " + e.getMessage(), e);
    }
    return new ContainerBroker(image, close, url, containerId);
  }

  @Override
  public String url() {
    return url.get();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.CONTAINER;
  }

  /** {@code container.image} and {@code container.id}. */
  @Override
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("container.image", image);
    String id = containerId.get();
    out.put("container.id", id == null ? "" : id);
    return out;
  }

  @Override
  public void close() {
    try {
      close.run();
    } catch (RuntimeException ignored) {
      // Ryuk removes it at JVM exit anyway.
    }
  }
}
