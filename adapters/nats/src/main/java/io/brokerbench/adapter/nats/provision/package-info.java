/**
 * How target {@code nats} gets a server: {@link io.brokerbench.adapter.nats.provision.NatsProvisioner}
 * chooses with the shared {@link io.brokerbench.provision.ProvisionChoice} between a Testcontainers
 * container, a private nats-server started from the installed executable
 * ({@link io.brokerbench.adapter.nats.provision.LocalNatsServer}, a
 * {@link io.brokerbench.provision.ChildProcess} that never outlives the harness) and an external
 * server ({@link io.brokerbench.adapter.nats.provision.ExternalAddress}).
 */
package io.brokerbench.adapter.nats.provision;
