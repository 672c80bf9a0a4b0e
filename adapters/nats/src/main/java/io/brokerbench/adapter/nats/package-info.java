/**
 * Target {@code nats}: a real NATS server with JetStream, driven with io.nats:jnats.
 *
 * <p>A destination is a stream, a message's partition and routing key are its subject, and each
 * subscription reads through durable consumers filtered on those subjects
 * ({@link io.brokerbench.adapter.nats.JetStreamTopology}, {@link io.brokerbench.adapter.nats.SubjectFilters}).
 * Producers publish asynchronously and complete on the stream's publish ack
 * ({@link io.brokerbench.adapter.nats.NatsProducer}); consumers pull or are pushed to, with max ack
 * pending as the prefetch ({@link io.brokerbench.adapter.nats.NatsConsumer}). Provisioning is in the
 * {@code provision} subpackage.
 */
package io.brokerbench.adapter.nats;
