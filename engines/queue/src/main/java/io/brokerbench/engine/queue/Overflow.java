package io.brokerbench.engine.queue;

/** What a queue at its maximum length does with one more message. */
public enum Overflow {
  /** Drops (or dead-letters, reason {@link DeadLetterReason#MAXLEN}) the oldest ready message. */
  DROP_HEAD,
  /** Refuses the new message: the publisher's confirm fails with {@link PublishRejectedException}. */
  REJECT_PUBLISH
}
