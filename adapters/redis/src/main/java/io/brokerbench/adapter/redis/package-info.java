/**
 * Target {@code redis}: a real Redis server's streams, driven with io.lettuce:lettuce-core.
 *
 * <p>Each destination × partition is a stream (with direct routing, one per routing key), each
 * subscription a consumer group ({@link io.brokerbench.adapter.redis.StreamTopology}). Producers
 * append with {@code XADD} and complete on its reply ({@link io.brokerbench.adapter.redis.RedisProducer});
 * consumers read with {@code XREADGROUP}, acknowledge with {@code XACK} and claim what others left
 * pending with {@code XAUTOCLAIM} ({@link io.brokerbench.adapter.redis.RedisConsumer}). {@code
 * stream.max-length} trims streams, and the messages a trim removed before a subscription read them are
 * reported as removed ({@link io.brokerbench.adapter.redis.CappedAppend}, {@link
 * io.brokerbench.adapter.redis.StreamTrimLedger}). Provisioning is in the {@code provision}
 * subpackage.
 */
package io.brokerbench.adapter.redis;
