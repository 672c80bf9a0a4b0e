package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.SyncPolicy;
import io.brokerbench.provision.ProvisionMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the target's settings ask of provisioning.
 *
 * @param mode the {@code provision} setting
 * @param url the {@code url} setting for an external server, or null
 * @param binary the {@code local.binary} setting, or null to search the usual places
 * @param sync JetStream's sync interval for a server the harness starts, or null for its default
 * @param startTimeout bound on a local server or container becoming ready
 * @param stopTimeout how long a local server may take to stop before it is killed
 * @param keepData whether a local server's store is kept after the run
 * @param container the Testcontainers configuration
 * @param workDirectory where a local server puts its files (the run's work directory)
 */
public record ProvisionRequest(
    ProvisionMode mode,
    String url,
    String binary,
    SyncPolicy sync,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    ContainerConfig container,
    Path workDirectory) {

  public ProvisionRequest {
    if (mode == null) throw new IllegalArgumentException("mode must be set");
    if (container == null) throw new IllegalArgumentException("container must be set");
    if (workDirectory == null) throw new IllegalArgumentException("workDirectory must be set");
  }
}
