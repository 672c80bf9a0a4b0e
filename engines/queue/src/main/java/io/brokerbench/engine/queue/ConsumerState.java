package io.brokerbench.engine.queue;

/**
 * A consumer's state inside its queue: credit and the list of messages assigned to it and not yet
 * settled. Guarded by the queue's lock, except {@link #cancelled} (volatile, read by the session
 * thread). Also used, unregistered from dispatch, to hold a session's unacknowledged {@code get}s.
 */
final class ConsumerState {
  final MessageQueue queue;
  final Session session;
  final int prefetch;
  final boolean autoAck;
  final MessageHandler handler;
  /** Assigned and not settled (includes deliveries waiting in the session inbox). */
  int unacked;
  QueuedMessage head;
  QueuedMessage tail;
  volatile boolean cancelled;

  ConsumerState(MessageQueue queue, Session session, int prefetch, boolean autoAck, MessageHandler handler) {
    this.queue = queue;
    this.session = session;
    this.prefetch = prefetch;
    this.autoAck = autoAck;
    this.handler = handler;
  }

  boolean hasCredit() {
    return unacked < prefetch;
  }

  void link(QueuedMessage m) {
    m.prev = tail;
    m.next = null;
    if (tail == null) head = m; else tail.next = m;
    tail = m;
    unacked++;
  }

  void unlink(QueuedMessage m) {
    if (m.prev == null) head = m.next; else m.prev.next = m.next;
    if (m.next == null) tail = m.prev; else m.next.prev = m.prev;
    m.prev = null;
    m.next = null;
    unacked--;
  }
}
