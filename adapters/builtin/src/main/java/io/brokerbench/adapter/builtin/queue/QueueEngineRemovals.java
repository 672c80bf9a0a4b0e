package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.engine.queue.ConsumerOptions;
import io.brokerbench.engine.queue.DeadLetterReason;
import io.brokerbench.engine.queue.Delivery;
import io.brokerbench.engine.queue.QueueEngine;
import io.brokerbench.engine.queue.Session;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.RemovalReason;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the run's dead-letter queue and reports each dead letter as removed from the subscription
 * whose queue it left ({@link DeadLetterReason#QUEUE_HEADER}, mapped back by the plan's queue
 * names), for the reason the engine recorded ({@link DeadLetterReason#HEADER}): expired, dropped at
 * the maximum length, at the delivery limit, or rejected without requeue.
 *
 * <p>Threading: the engine calls the handler on its delivery path, one dead letter at a time; the
 * listener may be called from there. {@link #close()} stops consuming; any thread.
 */
final class QueueEngineRemovals implements AutoCloseable {
  /** Dead letters the engine may hand this reader before it acknowledges them (it acknowledges at once). */
  static final int PREFETCH = 1000;

  private final Session session;
  private final AtomicLong unattributed = new AtomicLong();

  private QueueEngineRemovals(Session session) {
    this.session = session;
  }

  /** Starts reading {@code deadQueue}, which every subscription queue of the plan dead-letters into. */
  static QueueEngineRemovals start(QueueEngine engine, String deadQueue, Map<String, Integer> subscriptionsByQueue,
      RemovalListener listener) {
    Session session = engine.openSession(0);
    QueueEngineRemovals removals = new QueueEngineRemovals(session);
    session.consume(deadQueue, ConsumerOptions.autoAck(PREFETCH), d -> removals.report(d, subscriptionsByQueue, listener));
    return removals;
  }

  private void report(Delivery d, Map<String, Integer> subscriptionsByQueue, RemovalListener listener) {
    Integer subscription = subscriptionsByQueue.get(d.headers().get(DeadLetterReason.QUEUE_HEADER));
    DeadLetterReason reason = d.deadLetterReason();
    if (subscription == null || reason == null) {
      unattributed.incrementAndGet();
      return;
    }
    byte[] body = d.body();
    listener.onRemoved(subscription, body, body.length, reasonOf(reason));
  }

  /** The harness's name for the engine's dead-letter reason. */
  static RemovalReason reasonOf(DeadLetterReason reason) {
    return switch (reason) {
      case EXPIRED -> RemovalReason.EXPIRED;
      case MAXLEN -> RemovalReason.MAX_LENGTH;
      case DELIVERY_LIMIT -> RemovalReason.DELIVERY_LIMIT;
      case REJECTED -> RemovalReason.REJECTED;
    };
  }

  /** Dead letters that named no queue of the plan or no reason, so were not reported. */
  long unattributed() {
    return unattributed.get();
  }

  @Override
  public void close() {
    session.close();
  }
}
