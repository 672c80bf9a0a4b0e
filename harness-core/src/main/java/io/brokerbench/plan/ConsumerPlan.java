package io.brokerbench.plan;

/**
 * The consumers of every subscription of a plan.
 *
 * @param perSubscription consumers in each subscription, at least 1
 * @param prefetch most unacknowledged deliveries per consumer, at least 1
 * @param ackMode how consumers settle deliveries
 * @param sharing how a subscription's consumers share its queues or partitions
 * @param mode whether the system pushes deliveries or consumers pull them
 * @param requeues whether consumers reject some deliveries with requeue, which needs a target that
 *     delivers a requeued message again
 */
public record ConsumerPlan(int perSubscription, int prefetch, AckMode ackMode, ConsumerSharing sharing,
    ConsumerMode mode, boolean requeues) {
  public ConsumerPlan {
    if (perSubscription < 1) throw new IllegalArgumentException("consumers must be >= 1, was " + perSubscription);
    if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, was " + prefetch);
    if (ackMode == null) throw new IllegalArgumentException("ackMode must be set");
    if (sharing == null) throw new IllegalArgumentException("sharing must be set");
    if (mode == null) throw new IllegalArgumentException("mode must be set");
  }

  /** Consumers that never requeue. */
  public ConsumerPlan(int perSubscription, int prefetch, AckMode ackMode, ConsumerSharing sharing, ConsumerMode mode) {
    this(perSubscription, prefetch, ackMode, sharing, mode, false);
  }

  /** Pushed consumers that never requeue. */
  public ConsumerPlan(int perSubscription, int prefetch, AckMode ackMode, ConsumerSharing sharing) {
    this(perSubscription, prefetch, ackMode, sharing, ConsumerMode.PUSH);
  }

  /** Consumers that each own whole queues or partitions. */
  public static ConsumerPlan partitioned(int perSubscription, int prefetch, AckMode ackMode) {
    return new ConsumerPlan(perSubscription, prefetch, ackMode, ConsumerSharing.PARTITIONED);
  }
}
