package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.ProvisionMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the target's settings ask of provisioning.
 *
 * @param mode the {@code provision} setting
 * @param uri the {@code uri} setting for an external server, or null
 * @param serverDirectory the {@code local.server-dir} setting, or null to search the usual places
 * @param startTimeout bound on a local node or container becoming ready
 * @param stopTimeout how long a local node may take to stop before it is killed
 * @param keepData whether a local node's data directory is kept after the run
 * @param container the Testcontainers configuration
 * @param workDirectory where a local node puts its files (the run's work directory)
 * @param userHome the user's home, where {@code scripts/brokers} leaves the URI of a broker it keeps
 */
public record ProvisionRequest(
    ProvisionMode mode,
    String uri,
    String serverDirectory,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    ContainerConfig container,
    Path workDirectory,
    Path userHome) {

  /** The least time a local node or a container is given to become ready. */
  public static final Duration MIN_START_TIMEOUT = Duration.ofSeconds(1);

  public ProvisionRequest {
    if (mode == null) throw new IllegalArgumentException("mode must be set");
    if (container == null) throw new IllegalArgumentException("container must be set");
    if (workDirectory == null) throw new IllegalArgumentException("workDirectory must be set");
    if (userHome == null) throw new IllegalArgumentException("userHome must be set");
  }
}
