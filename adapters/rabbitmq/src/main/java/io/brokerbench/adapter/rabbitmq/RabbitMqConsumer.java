package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.brokerbench.adapter.shared.ListenerFailureLog;
import io.brokerbench.plan.QueueRef;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Consumer {@code i} of a subscription: one channel consuming every queue of the plan that
 * {@link TopologyPlan#queuesOf} gives it (possibly none).
 *
 * <h2>Prefetch</h2>
 * With one queue, {@code basic.qos(prefetch)} per consumer bounds the unacknowledged deliveries
 * exactly. With several queues on a classic queue type the limit is set channel-wide (RabbitMQ's
 * {@code global} flag), so it still bounds the whole consumer; quorum and stream queues do not
 * support a channel-wide limit, so each queue gets {@code max(1, prefetch / queues)}, which exceeds
 * the prefetch only when it is smaller than the number of queues. A stream queue hands out whole
 * chunks of its log, so there the prefetch is not a bound at all.
 *
 * <h2>Acknowledgements</h2>
 * Auto-ack consumes with {@code autoAck=true}; stream queues refuse that, so there the consumer
 * acknowledges each delivery itself before handing it to the listener (the same "settled when handed
 * out" meaning). Manual: {@link Delivery#ack()} is {@code basic.ack}, {@link Delivery#reject(boolean)}
 * is {@code basic.reject}. The broker's redelivered flag is passed on as is.
 *
 * <p>Threading: the client dispatches one channel's deliveries on one thread at a time, so the
 * listener is never called concurrently. {@link #close()} waits for a listener call in progress,
 * then closes the channel, which returns unacknowledged deliveries to their queues.
 */
final class RabbitMqConsumer implements TargetConsumer {
  private final Channel channel;
  private final AutoCloseable connectionLease;
  private final DeliveryListener listener;
  private final boolean manualAck;
  /** The queues are stream queues, which take no reject. */
  private final boolean stream;
  private final boolean selfAck;
  private final Consumer<String> log;
  private final ReentrantLock dispatch = new ReentrantLock();
  private volatile boolean closed;
  private final ListenerFailureLog listenerFailures;

  RabbitMqConsumer(Channel channel, AutoCloseable connectionLease, TopologyPlan plan, ConsumerSpec spec,
      DeliveryListener listener, RabbitMqSettings settings, Consumer<String> log) throws IOException {
    this.channel = channel;
    this.connectionLease = connectionLease;
    this.listener = listener;
    this.log = log;
    this.listenerFailures = new ListenerFailureLog(log, "a delivery listener", "of this consumer");
    this.stream = settings.queueType() == QueueType.STREAM;
    this.manualAck = spec.ackMode() == AckMode.MANUAL;
    this.selfAck = stream && !manualAck;
    List<QueueRef> queues = plan.queuesOf(spec.consumerIndex());
    if (queues.isEmpty()) return;
    if (queues.size() == 1) {
      channel.basicQos(spec.prefetch(), false);
    } else if (settings.queueType() == QueueType.CLASSIC) {
      channel.basicQos(spec.prefetch(), true);
    } else {
      channel.basicQos(Math.max(1, spec.prefetch() / queues.size()), false);
    }
    boolean autoAck = !manualAck && !stream;
    Map<String, Object> arguments = stream ? Map.of("x-stream-offset", settings.streamOffset()) : Map.of();
    for (QueueRef queue : queues) {
      String name = plan.queueName(spec.subscription(), queue.destination(), queue.partition());
      channel.basicConsume(name, autoAck, "", false, false, arguments,
          new QueueConsumer(channel, queue.destination(), queue.partition()));
    }
  }

  /** The client's consumer for one queue; knows which destination and partition it reads. */
  private final class QueueConsumer extends DefaultConsumer {
    private final int destination;
    private final int partition;

    QueueConsumer(Channel channel, int destination, int partition) {
      super(channel);
      this.destination = destination;
      this.partition = partition;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      dispatch.lock();
      try {
        if (closed) return; // unacknowledged: the channel close returns it to the queue
        if (selfAck) channel.basicAck(envelope.getDeliveryTag(), false);
        listener.onDelivery(new RabbitMqDelivery(body, destination, partition, envelope.isRedeliver(),
            envelope.getDeliveryTag(), channel, manualAck, () -> closed, stream));
      } catch (RuntimeException e) {
        // An exception here would make the client close the channel and silently stop consuming.
        listenerFailures.report(e);
      } finally {
        dispatch.unlock();
      }
    }
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    boolean locked = false;
    try {
      locked = dispatch.tryLock(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      RabbitMqTarget.closeQuietly(channel);
      RabbitMqTarget.closeQuietly(connectionLease);
    } finally {
      if (locked) dispatch.unlock();
    }
  }
}
