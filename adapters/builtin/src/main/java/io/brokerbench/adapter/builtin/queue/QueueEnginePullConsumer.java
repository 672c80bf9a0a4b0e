package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.adapter.shared.PullLoop;
import io.brokerbench.engine.queue.QueueEngine;
import io.brokerbench.engine.queue.Session;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.QueueRef;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A pulled consumer ({@code consumers.mode: pull}) of the queue engine: one engine session, asked
 * with {@link Session#get(String, boolean)} for one message at a time from each queue of {@link
 * TopologyPlan#queuesOf} in turn (under competing sharing, every queue of the subscription), by a
 * {@link PullLoop} that holds at most the prefetch unsettled and backs off while the queues are
 * empty. The session has no prefetch of its own: gets are not bounded by the engine, the loop bounds
 * them.
 *
 * <p>Threading: the loop's thread asks and calls the listener, one delivery at a time; deliveries
 * may be settled from any thread. {@link #close()} stops the loop, then closes the session, which
 * returns every unsettled delivery to its queue, flagged redelivered on its next delivery;
 * idempotent.
 */
final class QueueEnginePullConsumer implements TargetConsumer {
  private final Session session;
  private final PullLoop loop;
  private final Consumer<QueueEnginePullConsumer> onClosed;

  QueueEnginePullConsumer(QueueEngine engine, TopologyPlan plan, ConsumerSpec spec, DeliveryListener listener,
      Consumer<String> log, Consumer<QueueEnginePullConsumer> onClosed) {
    this.onClosed = onClosed;
    boolean autoAck = spec.ackMode() == AckMode.AUTO;
    this.session = engine.openSession(0);
    List<PullLoop.Source> sources = new ArrayList<>();
    for (QueueRef q : plan.queuesOf(spec.consumerIndex())) {
      String queue = plan.queueName(spec.subscription(), q.destination(), q.partition());
      sources.add(() -> {
        io.brokerbench.engine.queue.Delivery d = session.get(queue, autoAck);
        return d == null ? null : new EngineDelivery(d, q.destination(), q.partition());
      });
    }
    this.loop = PullLoop.start("queue-engine-pull-s" + spec.subscription() + "-c" + spec.consumerIndex(), sources,
        spec.prefetch(), !autoAck, listener, log);
  }

  /** Exact: every delivery passes through the loop. */
  @Override
  public OptionalInt mostUnacknowledged() {
    return OptionalInt.of(loop.mostUnacknowledged());
  }

  @Override
  public void close() {
    loop.close();
    session.close();
    onClosed.accept(this);
  }
}
