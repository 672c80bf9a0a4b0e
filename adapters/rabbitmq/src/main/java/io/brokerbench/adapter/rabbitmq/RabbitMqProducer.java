package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A producer on its own channel. With confirms on, the channel is in confirm mode and every send
 * registers in a {@link ConfirmWindow} of {@code producer.max-in-flight} slots: {@code send}
 * blocks while the window is full, the future completes from the client's I/O thread on
 * {@code basic.ack} and fails on {@code basic.nack}, on {@code basic.return} (mandatory, unroutable)
 * and when the channel shuts down. Nothing waits per message. With confirms off a send completes
 * once the client has written the frame, and returns cannot be tied to a send (they are counted).
 *
 * <p>The publish sequence number travels as the message id when mandatory is on, so a return finds
 * its send. Threading: {@link #send} from one harness thread, as the SPI states.
 */
final class RabbitMqProducer implements TargetProducer {
  /** How long {@link #close()} waits for outstanding confirms, in milliseconds. */
  static final long CLOSE_CONFIRM_WAIT_MILLIS = 10_000;

  private final Channel channel;
  private final AutoCloseable connectionLease;
  private final String[][] exchanges;
  private final RabbitMqSettings settings;
  private final ConfirmWindow window;
  private final AMQP.BasicProperties plainProperties;
  private volatile long uncorrelatedReturns;
  private volatile boolean closed;

  RabbitMqProducer(Channel channel, AutoCloseable connectionLease, TopologyPlan plan, RabbitMqSettings settings)
      throws IOException {
    this.channel = channel;
    this.connectionLease = connectionLease;
    this.exchanges = new String[plan.destinations()][plan.partitions()];
    for (int d = 0; d < plan.destinations(); d++) {
      for (int p = 0; p < plan.partitions(); p++) exchanges[d][p] = plan.exchangeName(d, p);
    }
    this.settings = settings;
    this.window = settings.confirms() ? new ConfirmWindow(settings.maxInFlight()) : null;
    this.plainProperties = new AMQP.BasicProperties.Builder().deliveryMode(settings.persistent() ? 2 : 1).build();
    if (window != null) {
      channel.confirmSelect();
      channel.addConfirmListener(window::ack, window::nack);
    }
    channel.addReturnListener(ret -> {
      String reason = "returned by the broker: " + ret.getReplyCode() + " " + ret.getReplyText() + " (exchange "
          + ret.getExchange() + ", routing key '" + ret.getRoutingKey() + "')";
      String messageId = ret.getProperties().getMessageId();
      if (window != null && messageId != null) {
        window.returned(Long.parseLong(messageId), reason);
      } else {
        uncorrelatedReturns++;
      }
    });
    channel.addShutdownListener(this::onShutdown);
  }

  private void onShutdown(ShutdownSignalException cause) {
    if (window != null) window.failAll(cause);
  }

  @Override
  public CompletableFuture<Void> send(OutgoingMessage message) throws Exception {
    if (closed) throw new IllegalStateException("producer is closed");
    String exchange = exchanges[message.destination()][message.partition()];
    if (window == null) {
      channel.basicPublish(exchange, message.routingKey(), settings.mandatory(), properties(message, -1), message.payload());
      return CompletableFuture.completedFuture(null);
    }
    window.acquire();
    long seqNo = channel.getNextPublishSeqNo();
    CompletableFuture<Void> future = window.register(seqNo);
    try {
      channel.basicPublish(exchange, message.routingKey(), settings.mandatory(), properties(message, seqNo), message.payload());
    } catch (IOException | RuntimeException e) {
      window.abandon(seqNo, e);
      throw e;
    }
    return future;
  }

  private AMQP.BasicProperties properties(OutgoingMessage message, long seqNo) {
    boolean withId = seqNo >= 0 && settings.mandatory();
    if (!withId && message.headers().isEmpty()) return plainProperties;
    AMQP.BasicProperties.Builder builder = plainProperties.builder();
    if (withId) builder.messageId(Long.toString(seqNo));
    if (!message.headers().isEmpty()) builder.headers(asObjectMap(message.headers()));
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObjectMap(Map<String, String> headers) {
    return (Map<String, Object>) (Map<String, ?>) headers;
  }

  /** Unconfirmed sends now (0 with confirms off). */
  int inFlight() {
    return window == null ? 0 : window.inFlight();
  }

  /** Returns that could not be tied to a send (confirms off, or no message id). */
  long uncorrelatedReturns() {
    return uncorrelatedReturns;
  }

  /**
   * Waits up to {@link #CLOSE_CONFIRM_WAIT_MILLIS} for outstanding confirms, then closes the channel
   * (which fails whatever is still unconfirmed) and releases the connection.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    long deadline = System.nanoTime() + CLOSE_CONFIRM_WAIT_MILLIS * 1_000_000L;
    while (window != null && window.inFlight() > 0 && channel.isOpen() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    RabbitMqTarget.closeQuietly(channel);
    RabbitMqTarget.closeQuietly(connectionLease);
  }
}
