package io.brokerbench.results;

/**
 * What one consumer did in a run, for seeing how evenly a subscription's consumers shared the work.
 * Counts cover the whole run (warm-up, window and drain), this run's messages only.
 *
 * @param subscription subscription index, 0-based
 * @param consumer index within the subscription, 0-based
 * @param deliveries deliveries it received, first deliveries and repeats alike
 * @param redelivered of those, how many the target flagged redelivered
 * @param rejected deliveries the harness rejected ({@code consumers.reject}), with or without requeue
 * @param busyShare the share of the run's consuming time (from its first consumer starting to the
 *     consumers' close) this consumer spent handling deliveries (processing included), 0 to 1
 * @param mostUnacknowledged the most deliveries it held unsettled at once, as the target counts them
 *     ({@link io.brokerbench.spi.TargetConsumer#mostUnacknowledged()}); {@code null} when the target
 *     cannot tell
 */
public record ConsumerRecord(int subscription, int consumer, long deliveries, long redelivered, long rejected,
    double busyShare, Integer mostUnacknowledged) {}
