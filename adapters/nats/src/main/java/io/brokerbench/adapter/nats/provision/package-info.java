/**
 * How target {@code nats} gets a server: {@link io.brokerbench.adapter.nats.provision.NatsProvisioner}
 * decides with the shared {@link io.brokerbench.provision.ProvisionDecision} between a Testcontainers
 * container ({@link io.brokerbench.adapter.nats.provision.ContainerConfig}), a private nats-server
 * started from the installed executable ({@link io.brokerbench.adapter.nats.provision.LocalNatsServer},
 * a shared {@link io.brokerbench.provision.LocalServer} that never outlives the harness) and an
 * external server ({@link io.brokerbench.adapter.nats.provision.ExternalAddress}). What is NATS's own
 * lives here: the executable and its version, the configuration file, the settings it takes.
 */
package io.brokerbench.adapter.nats.provision;
