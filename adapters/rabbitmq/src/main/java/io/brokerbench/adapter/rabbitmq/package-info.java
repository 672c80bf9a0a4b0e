/**
 * Target {@code rabbitmq}: a real RabbitMQ driven with com.rabbitmq:amqp-client.
 *
 * <p>The topology plan maps as in the queue model: one exchange of the plan's routing type per
 * destination and partition, one queue per subscription, destination and partition bound with the
 * subscription's binding ({@link io.brokerbench.adapter.rabbitmq.RabbitMqTopology}). Producers
 * publish on their own channel with asynchronous publisher confirms in a bounded window
 * ({@link io.brokerbench.adapter.rabbitmq.ConfirmWindow}); consumers consume their queues on their own
 * channel with {@code basic.qos}. Provisioning is in the {@code provision} subpackage.
 */
package io.brokerbench.adapter.rabbitmq;
