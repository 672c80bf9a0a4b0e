package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.brokerbench.adapter.shared.ListenerFailureLog;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.RemovalReason;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads the run's dead-letter queue ({@link RabbitMqTopology#deadLetterName}) and reports each
 * message in it as removed from the subscription whose queue dead-lettered it, for the reason in
 * its {@code x-death} header ({@link #attribute}). A message that reached several subscription
 * queues dies, and is reported, once per queue.
 *
 * <p>Consumes with manual acknowledgements and a prefetch of {@link #PREFETCH}: each dead letter is
 * acknowledged once the listener has returned, so the queue, not the client, holds a backlog. A
 * dead letter that cannot be attributed (no {@code x-death}, a queue outside the plan, a reason
 * with no {@link RemovalReason}) is acknowledged, counted in {@link #unattributed()} and logged
 * once; it is not reported.
 *
 * <p>Threading: the client calls {@link #handleDelivery} on its consumer dispatch thread, one
 * delivery at a time, so the listener (thread-safe, per {@link RemovalListener}) is called from that
 * thread only. {@link #close()} from any thread waits for a listener call in progress; no call
 * starts after it.
 */
final class DeadLetterWatch extends DefaultConsumer implements AutoCloseable {
  /** Dead letters handed to this watch and not yet acknowledged, at most. */
  static final int PREFETCH = 1000;

  /** Why a dead letter left which subscription. */
  record Removal(int subscription, RemovalReason reason) {}

  private final AutoCloseable connectionLease;
  private final Map<String, Integer> subscriptionsByQueue;
  private final RemovalListener listener;
  private final Consumer<String> log;
  private final AtomicLong unattributed = new AtomicLong();
  private boolean closed;
  private final ListenerFailureLog listenerFailures;

  private DeadLetterWatch(Channel channel, AutoCloseable connectionLease, TopologyPlan plan, RemovalListener listener,
      Consumer<String> log) {
    super(channel);
    this.connectionLease = connectionLease;
    this.subscriptionsByQueue = plan.subscriptionsByQueueName();
    this.listener = listener;
    this.log = log;
    this.listenerFailures = new ListenerFailureLog(log, "a removal listener", "");
  }

  /**
   * Starts consuming {@code plan}'s dead-letter queue on {@code channel}; closing the watch closes
   * the channel, then {@code connectionLease}.
   */
  static DeadLetterWatch start(Channel channel, AutoCloseable connectionLease, TopologyPlan plan,
      RemovalListener listener, Consumer<String> log) throws IOException {
    DeadLetterWatch watch = new DeadLetterWatch(channel, connectionLease, plan, listener, log);
    channel.basicQos(PREFETCH, false);
    channel.basicConsume(RabbitMqTopology.deadLetterName(plan), false, watch);
    return watch;
  }

  @Override
  public synchronized void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
      byte[] body) throws IOException {
    if (closed) return; // unacknowledged: it stays in the dead-letter queue
    Optional<Removal> removal = attribute(properties.getHeaders(), subscriptionsByQueue);
    if (removal.isPresent()) {
      try {
        listener.onRemoved(removal.get().subscription(), body, body.length, removal.get().reason());
      } catch (RuntimeException e) {
        // An exception here would make the client close the channel and silently stop watching.
        listenerFailures.report(e);
      }
    } else if (unattributed.getAndIncrement() == 0) {
      log.accept("a dead letter without a known queue and reason in x-death was not counted as removed ("
          + properties.getHeaders() + "); further ones are counted in silence");
    }
    getChannel().basicAck(envelope.getDeliveryTag(), false);
  }

  /**
   * The subscription and reason of a dead letter with {@code headers}: from the first (most recent)
   * entry of {@code x-death}, its {@code queue} looked up in {@code subscriptionsByQueue} and its
   * {@code reason} by {@link #reasonOf}; empty when either is missing or unknown.
   */
  static Optional<Removal> attribute(Map<String, Object> headers, Map<String, Integer> subscriptionsByQueue) {
    if (headers == null || !(headers.get("x-death") instanceof List<?> deaths) || deaths.isEmpty()) {
      return Optional.empty();
    }
    if (!(deaths.get(0) instanceof Map<?, ?> latest)) return Optional.empty();
    Integer subscription = latest.get("queue") == null ? null : subscriptionsByQueue.get(latest.get("queue").toString());
    Optional<RemovalReason> reason = latest.get("reason") == null ? Optional.empty()
        : reasonOf(latest.get("reason").toString());
    if (subscription == null || reason.isEmpty()) return Optional.empty();
    return Optional.of(new Removal(subscription, reason.get()));
  }

  /** The removal reason of an {@code x-death} reason, as RabbitMQ spells it; empty for any other text. */
  static Optional<RemovalReason> reasonOf(String xDeathReason) {
    return switch (xDeathReason) {
      case "expired" -> Optional.of(RemovalReason.EXPIRED);
      case "maxlen" -> Optional.of(RemovalReason.MAX_LENGTH);
      case "delivery_limit" -> Optional.of(RemovalReason.DELIVERY_LIMIT);
      case "rejected" -> Optional.of(RemovalReason.REJECTED);
      default -> Optional.empty();
    };
  }

  /** Dead letters acknowledged without being reported, as {@link #attribute} could not place them. */
  long unattributed() {
    return unattributed.get();
  }

  /** Stops reporting (after a listener call in progress), then closes the channel and releases the connection. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    RabbitMqTarget.closeQuietly(getChannel());
    RabbitMqTarget.closeQuietly(connectionLease);
  }
}
