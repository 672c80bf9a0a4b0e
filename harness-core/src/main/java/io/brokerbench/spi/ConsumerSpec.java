package io.brokerbench.spi;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.ConsumerMode;

/**
 * What a consumer is for.
 *
 * @param subscription subscription index, 0-based (a queue set or a consumer group)
 * @param consumerIndex index within the subscription, 0 to {@code consumersPerSubscription - 1}
 * @param prefetch most unacknowledged deliveries the consumer may hold, at least 1
 * @param ackMode how deliveries are settled
 * @param mode whether the system pushes deliveries or the consumer pulls each one
 */
public record ConsumerSpec(int subscription, int consumerIndex, int prefetch, AckMode ackMode, ConsumerMode mode) {
  public ConsumerSpec {
    if (subscription < 0) throw new IllegalArgumentException("subscription must be >= 0, was " + subscription);
    if (consumerIndex < 0) throw new IllegalArgumentException("consumerIndex must be >= 0, was " + consumerIndex);
    if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, was " + prefetch);
    if (ackMode == null) throw new IllegalArgumentException("ackMode must be set");
    if (mode == null) throw new IllegalArgumentException("mode must be set");
  }

  /** A pushed consumer. */
  public ConsumerSpec(int subscription, int consumerIndex, int prefetch, AckMode ackMode) {
    this(subscription, consumerIndex, prefetch, ackMode, ConsumerMode.PUSH);
  }
}
