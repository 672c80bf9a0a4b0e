/**
 * How target {@code rabbitmq} gets a broker: {@link io.brokerbench.adapter.rabbitmq.provision.RabbitProvisioner}
 * resolves {@code provision: auto | testcontainers | local | external} with the shared
 * {@link io.brokerbench.provision.ProvisionDecision} and returns a
 * {@link io.brokerbench.provision.ProvisionedBroker}: a container
 * ({@link io.brokerbench.adapter.rabbitmq.provision.ContainerConfig#start()}), a private node of the
 * installed server ({@link io.brokerbench.adapter.rabbitmq.provision.LocalRabbitNode}, configured by
 * {@link io.brokerbench.adapter.rabbitmq.provision.LocalNodeConfig}; its own lifecycle, as a node is an
 * Erlang VM behind a script, with epmd and {@code rabbitmqctl}), or a server someone else runs at an
 * {@link io.brokerbench.adapter.rabbitmq.provision.ExternalAddress}.
 */
package io.brokerbench.adapter.rabbitmq.provision;
