package io.brokerbench.results;

/**
 * How many messages the producers sent to one destination and partition over the whole run
 * (warm-up included): with keys drawn unevenly ({@code messages.keyChoice}), the hot partitions.
 *
 * @param destination destination index, 0-based
 * @param partition partition index within it, 0-based
 * @param sent messages handed to the target for it, confirmed or not
 */
public record PartitionRecord(int destination, int partition, long sent) {}
