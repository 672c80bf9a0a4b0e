/**
 * How target {@code rabbitmq} gets a broker: {@link io.brokerbench.adapter.rabbitmq.provision.RabbitProvisioner}
 * resolves {@code provision: auto | testcontainers | local | external} and returns a
 * {@link io.brokerbench.adapter.rabbitmq.provision.RabbitBroker}: a container
 * ({@link io.brokerbench.adapter.rabbitmq.provision.ContainerRabbit}), a private node of the installed
 * server ({@link io.brokerbench.adapter.rabbitmq.provision.LocalRabbitNode}, configured by
 * {@link io.brokerbench.adapter.rabbitmq.provision.LocalNodeConfig}), or a server someone else runs
 * ({@link io.brokerbench.adapter.rabbitmq.provision.ExternalRabbit} at an
 * {@link io.brokerbench.adapter.rabbitmq.provision.ExternalAddress}).
 */
package io.brokerbench.adapter.rabbitmq.provision;
