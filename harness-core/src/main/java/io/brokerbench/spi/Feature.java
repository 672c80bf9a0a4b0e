package io.brokerbench.spi;

import io.brokerbench.plan.AckMode;

/** Behaviours a workload or conformance test may rely on; a target declares those it has. */
public enum Feature {
  /** Messages of one key in one partition reach the consumer in publish order. */
  PER_KEY_ORDER,
  /** Unacknowledged deliveries of a closed consumer are delivered again, flagged redelivered. */
  REDELIVERY_ON_CONSUMER_CLOSE,
  /** {@link Delivery#reject(boolean)} with requeue delivers the message again. */
  REQUEUE_ON_REJECT,
  /** The consumer never holds more unacknowledged deliveries than its prefetch. */
  PREFETCH_BOUND,
  /** Manual acknowledgements ({@link AckMode#MANUAL}). */
  MANUAL_ACK,
  /** Several independent subscriptions each receive the messages their binding selects. */
  MULTIPLE_SUBSCRIPTIONS,
  /**
   * Competing consumers ({@link io.brokerbench.plan.ConsumerSharing#COMPETING}): every consumer of a
   * subscription takes from all its queues or partitions, each message delivered to one of them.
   */
  COMPETING_CONSUMERS,
  /**
   * Pulled consumers ({@link io.brokerbench.plan.ConsumerMode#PULL}): each delivery is asked for
   * (basic.get, a poll), and a consumer holds at most its prefetch unsettled.
   */
  PULL_CONSUMERS
}
