package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import io.brokerbench.adapter.shared.KeylessDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * One delivery of a RabbitMQ consumer, pushed ({@code basic.deliver}) or pulled ({@code
 * basic.get-ok}); settles through the consumer's channel with its delivery tag: {@link #ack()} is
 * {@code basic.ack}, {@link #reject(boolean)} is {@code basic.reject}. Without manual
 * acknowledgement both do nothing.
 *
 * <p>Threading: any thread may settle; the client serialises a channel's outgoing frames, and the
 * adapter settles from the harness's threads while the client's thread (or a pull loop) receives.
 * Settling after the consumer closed does nothing: the broker has returned the message already.
 */
final class RabbitMqDelivery extends KeylessDelivery {
  private final long deliveryTag;
  private final Channel channel;
  private final boolean manualAck;
  private final BooleanSupplier consumerClosed;
  private final boolean fromStream;

  /** @param fromStream the delivery comes from a stream queue, where a reject acks */
  RabbitMqDelivery(byte[] payload, int destination, int partition, boolean redelivered, long deliveryTag,
      Channel channel, boolean manualAck, BooleanSupplier consumerClosed, boolean fromStream) {
    super(payload, destination, partition, redelivered);
    this.deliveryTag = deliveryTag;
    this.channel = channel;
    this.manualAck = manualAck;
    this.consumerClosed = consumerClosed;
    this.fromStream = fromStream;
  }

  @Override
  public void ack() {
    if (!manualAck) return;
    try {
      channel.basicAck(deliveryTag, false);
    } catch (IOException e) {
      throw new UncheckedIOException("basic.ack of delivery tag " + deliveryTag + " failed", e);
    } catch (AlreadyClosedException e) {
      if (!consumerClosed.getAsBoolean()) throw e;
      // Closed consumer: the broker has already returned the message to its queue.
    }
  }

  @Override
  public void reject(boolean requeue) {
    if (!manualAck) return;
    if (fromStream) {
      ack();
      return;
    }
    try {
      channel.basicReject(deliveryTag, requeue);
    } catch (IOException e) {
      throw new UncheckedIOException("basic.reject of delivery tag " + deliveryTag + " failed", e);
    } catch (AlreadyClosedException e) {
      if (!consumerClosed.getAsBoolean()) throw e;
    }
  }
}
