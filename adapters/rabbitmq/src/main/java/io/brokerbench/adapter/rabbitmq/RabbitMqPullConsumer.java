package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.brokerbench.adapter.shared.PullLoop;
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
 * A pulled consumer ({@code consumers.mode: pull}) of classic or quorum queues: one channel, asked
 * with {@code basic.get} for one message at a time from each queue of {@link TopologyPlan#queuesOf}
 * in turn (under competing sharing, every queue of the subscription), by a {@link PullLoop} that
 * backs off while the queues are empty. {@code basic.qos} does not bound {@code basic.get}, so the
 * loop's own count does: holding the prefetch unacknowledged, it asks again only once the harness
 * has acked or rejected one. With automatic acknowledgement it asks with {@code autoAck=true}.
 * Stream queues do not serve {@code basic.get}; the target declares pull unsupported on them.
 *
 * <p>Threading: the loop's thread sends {@code basic.get} and calls the listener, one delivery at
 * a time; acks and rejects go out on the same channel from whichever thread settles ({@link
 * RabbitMqDelivery}), as with pushed consumers. {@link #close()} stops the loop (waiting for a
 * listener call in progress), then closes the channel, which returns unacknowledged deliveries to
 * their queues, flagged redelivered; idempotent.
 */
final class RabbitMqPullConsumer implements TargetConsumer {
  private final Channel channel;
  private final AutoCloseable connectionLease;
  private final PullLoop loop;
  private volatile boolean closed;

  RabbitMqPullConsumer(Channel channel, AutoCloseable connectionLease, TopologyPlan plan, ConsumerSpec spec,
      DeliveryListener listener, Consumer<String> log) {
    this.channel = channel;
    this.connectionLease = connectionLease;
    boolean manualAck = spec.ackMode() == AckMode.MANUAL;
    List<PullLoop.Source> sources = new ArrayList<>();
    for (QueueRef q : plan.queuesOf(spec.consumerIndex())) {
      String queue = plan.queueName(spec.subscription(), q.destination(), q.partition());
      sources.add(() -> {
        GetResponse r = channel.basicGet(queue, !manualAck);
        if (r == null) return null;
        return new RabbitMqDelivery(r.getBody(), q.destination(), q.partition(), r.getEnvelope().isRedeliver(),
            r.getEnvelope().getDeliveryTag(), channel, manualAck, () -> closed, false);
      });
    }
    this.loop = PullLoop.start("rabbitmq-pull-s" + spec.subscription() + "-c" + spec.consumerIndex(), sources,
        spec.prefetch(), manualAck, listener, log);
  }

  /** Exact: every delivery passes through the loop. */
  @Override
  public OptionalInt mostUnacknowledged() {
    return OptionalInt.of(loop.mostUnacknowledged());
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    loop.close();
    RabbitMqTarget.closeQuietly(channel);
    RabbitMqTarget.closeQuietly(connectionLease);
  }
}
