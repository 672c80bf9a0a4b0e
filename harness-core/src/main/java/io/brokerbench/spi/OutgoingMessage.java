package io.brokerbench.spi;

import java.util.Map;

/**
 * A message the harness publishes. The topology plan has already chosen its destination and
 * partition; a target uses them as given (a Kafka client sending {@link #key()} would pick the same
 * partition, as the plan uses Kafka's partitioner).
 *
 * @param destination destination index, 0-based
 * @param partition partition index within the destination, 0-based
 * @param key key bytes ({@code utf8("key-" + k)}), never null
 * @param routingKey routing key for direct and topic routing, or {@code ""} when the routing uses none
 * @param headers headers for headers routing, empty when none; values are strings
 * @param payload envelope and filler, exactly the configured message size
 */
public record OutgoingMessage(
    int destination, int partition, byte[] key, String routingKey, Map<String, String> headers, byte[] payload) {}
