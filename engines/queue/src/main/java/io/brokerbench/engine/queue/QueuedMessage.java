package io.brokerbench.engine.queue;

/**
 * A message's place in one queue. Fields other than the final ones are guarded by the queue's
 * lock, except {@link #deliveryCount}, which the session thread that hands the message out writes
 * while the message is assigned to its consumer (the close barrier orders it before any requeue).
 */
final class QueuedMessage {
  static final long NO_EXPIRY = Long.MAX_VALUE;

  final Message message;
  /** Position in the queue: increasing in enqueue order; a requeued message returns to it. */
  final long seq;
  /** Epoch milliseconds after which the message expires at the head, or {@link #NO_EXPIRY}. */
  final long expiresAtMillis;
  /** Base position of the journal segment holding its enqueue record, or -1 when not journaled. */
  long segment = -1;
  /** Handed to a handler (or get) this many times; not persisted. */
  int deliveryCount;
  /** Recovered from the journal: it may have been delivered before the restart. */
  boolean recovered;
  /** The current delivery while assigned to a consumer; null while ready. */
  DeliveryHandle handle;
  /** Links of the owning consumer's unacknowledged list. */
  QueuedMessage prev;
  QueuedMessage next;

  QueuedMessage(Message message, long seq, long expiresAtMillis) {
    this.message = message;
    this.seq = seq;
    this.expiresAtMillis = expiresAtMillis;
  }
}
