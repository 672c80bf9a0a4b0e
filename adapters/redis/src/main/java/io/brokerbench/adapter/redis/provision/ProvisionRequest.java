package io.brokerbench.adapter.redis.provision;

import io.brokerbench.adapter.redis.Persistence;
import io.brokerbench.provision.ProvisionMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the target's settings ask of provisioning.
 *
 * @param mode the {@code provision} setting
 * @param url the {@code url} setting for an external server, or null
 * @param binary the {@code local.binary} setting, or null to search the usual places
 * @param persistence what a server the harness starts is configured to keep
 * @param startTimeout bound on a local server or container becoming ready
 * @param stopTimeout how long a local server may take to stop before it is killed
 * @param keepData whether a local server's data is kept after the run
 * @param container the Testcontainers configuration
 * @param workDirectory where a local server puts its files (the run's work directory)
 */
public record ProvisionRequest(
    ProvisionMode mode,
    String url,
    String binary,
    Persistence persistence,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    ContainerConfig container,
    Path workDirectory) {
  /** The shortest start timeout: a server or container needs some time to come up. */
  public static final Duration MIN_START_TIMEOUT = Duration.ofSeconds(1);
  /** The longest stop timeout, {@link io.brokerbench.provision.ChildProcessSpec}'s limit. */
  public static final Duration MAX_STOP_TIMEOUT = io.brokerbench.provision.ChildProcessSpec.MAX_STOP_TIMEOUT;

  public ProvisionRequest {
    if (mode == null) throw new IllegalArgumentException("mode must be set");
    if (persistence == null) throw new IllegalArgumentException("persistence must be set");
    if (container == null) throw new IllegalArgumentException("container must be set");
    if (workDirectory == null) throw new IllegalArgumentException("workDirectory must be set");
  }
}
