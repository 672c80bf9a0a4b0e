package io.brokerbench.engine.queue;

/**
 * A queue's counts at one instant.
 *
 * @param name queue name
 * @param ready messages waiting for a consumer
 * @param unacknowledged messages assigned to consumers or held by gets and not yet settled
 * @param consumers registered consumers
 */
public record QueueStats(String name, long ready, long unacknowledged, int consumers) {}
