package io.brokerbench.plan;

/**
 * One queue of a queue-model subscription, or one partition of a log-model topic.
 *
 * @param destination destination index, 0-based
 * @param partition partition index within the destination, 0-based
 */
public record QueueRef(int destination, int partition) {}
