package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.JetStreamTopology.ConsumerRef;
import io.brokerbench.adapter.shared.KeylessDelivery;
import io.brokerbench.adapter.shared.ListenerFailureLog;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.PushSubscribeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Consumer {@code i} of a subscription: one connection and one dispatcher thread reading every
 * durable JetStream consumer that {@link JetStreamTopology#consumersOf} gives it (possibly none).
 *
 * <h2>Delivery</h2>
 * Pull mode: each durable consumer is read with the client's {@code consume}, pull requests of at
 * most its share of the prefetch ({@link JetStreamTopology#prefetchShare}). Push mode: a
 * subscription bound to each durable consumer's deliver subject. Either way the server never has
 * more than that share unacknowledged per durable consumer (its max ack pending), so the consumer
 * holds at most the prefetch as long as the prefetch is at least the number of durable consumers it
 * reads. The redelivered flag is the server's: a delivery count above 1.
 *
 * <p>Competing consumers ({@link ConsumerSharing#COMPETING}, pull mode only): every harness consumer
 * of the subscription reads every durable consumer of it, each with a {@link SharedConsumerPuller}
 * (one thread per durable consumer), and the server hands each message to one of them. A durable
 * consumer's max ack pending then covers all its readers ({@link JetStreamTopology#maxAckPending}),
 * so each reader holds itself to the same share of the prefetch with credits it gets back when a
 * delivery is settled.
 *
 * <h2>Acknowledgements</h2>
 * Manual: {@link Delivery#ack()} is {@code +ACK}, {@code reject(true)} is {@code -NAK} (delivered
 * again at once), {@code reject(false)} is {@code +TERM} (never delivered again; JetStream keeps no
 * trace of it that a client could read, so the harness sees it as lost). Auto: the durable consumers
 * have ack policy none and the server counts a message settled when it sends it.
 *
 * <h2>Closing</h2>
 * {@link #close()} waits for a listener call in progress and stops pulling; it then drains the
 * dispatcher, which unsubscribes first (so the server sends nothing more here) and then hands the
 * messages already received to the handler, which no longer calls the listener but keeps them with
 * the deliveries the listener got and did not settle. It then waits until the server has seen this
 * consumer go ({@link #awaitServerSawUsGo}), negatively acknowledges everything it kept, flushes and
 * closes the connection: the server delivers those messages again at once, flagged, to the next
 * reader. With {@code consumer.nak-on-close: false} nothing is acknowledged and the server delivers
 * them again after {@code consumer.ack-wait}.
 *
 * <p>Threading: the dispatcher calls the handler on its one thread, and competing readers call it
 * under one lock, so the listener is never called concurrently; acks may come from any thread.
 */
final class NatsConsumer implements TargetConsumer {
  /** Bound on draining the dispatcher and flushing at close. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Connection connection;
  private final Dispatcher dispatcher;
  private final List<MessageConsumer> pulls = new ArrayList<>();
  /** Competing consumers: the reader of each durable consumer, which gets a credit back per settled delivery. */
  private final Map<ConsumerRef, SharedConsumerPuller> shared = new ConcurrentHashMap<>();
  /** The durable consumers read, by stream and then name, as a delivery's metadata gives them. */
  private final Map<String, Map<String, ConsumerRef>> refs = new ConcurrentHashMap<>();
  private final DeliveryListener listener;
  private final boolean manualAck;
  private final boolean nakOnClose;
  private final Consumer<String> log;
  private final ReentrantLock dispatch = new ReentrantLock();
  /** Deliveries handed to the listener and not yet settled, by their ack subject (unique per delivery). */
  private final Map<String, Message> unsettled = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private final ListenerFailureLog listenerFailures;

  private NatsConsumer(Connection connection, DeliveryListener listener, boolean manualAck, boolean nakOnClose,
      Consumer<String> log) {
    this.connection = connection;
    this.dispatcher = connection.createDispatcher(this::onMessage);
    this.listener = listener;
    this.manualAck = manualAck;
    this.nakOnClose = nakOnClose;
    this.log = log;
    this.listenerFailures = new ListenerFailureLog(log, "a delivery listener", "of this consumer");
  }

  /**
   * Starts reading on {@code connection}, which the consumer owns from now on (closed with it, also
   * when starting fails).
   */
  static NatsConsumer start(Connection connection, JetStreamTopology topology, ConsumerSpec spec,
      DeliveryListener listener, NatsSettings settings, Consumer<String> log) throws IOException, JetStreamApiException {
    NatsConsumer consumer = new NatsConsumer(connection, listener, spec.ackMode() == AckMode.MANUAL,
        settings.nakOnClose(), log);
    try {
      JetStream js = connection.jetStream();
      int share = topology.prefetchShare(spec.subscription(), spec.consumerIndex());
      ConsumeOptions pullOptions = ConsumeOptions.builder()
          .batchSize(share).build();
      boolean competing = topology.plan().sharing() == ConsumerSharing.COMPETING;
      for (ConsumerRef ref : topology.consumersOf(spec.subscription(), spec.consumerIndex())) {
        consumer.refs.computeIfAbsent(ref.stream(), k -> new ConcurrentHashMap<>()).put(ref.name(), ref);
        if (competing) {
          String name = "nats-" + connection.getOptions().getConnectionName() + "-" + ref.name() + "-d"
              + ref.destination();
          SharedConsumerPuller puller = new SharedConsumerPuller(ref, js.getConsumerContext(ref.stream(), ref.name()),
              share, consumer::onMessage, name, log);
          consumer.shared.put(ref, puller); // before it pulls, so every settled delivery finds it
          puller.start();
        } else if (settings.consumerMode() == ConsumerMode.PULL) {
          consumer.pulls.add(js.getConsumerContext(ref.stream(), ref.name())
              .consume(pullOptions, consumer.dispatcher, consumer::onMessage));
        } else {
          js.subscribe(null, consumer.dispatcher, consumer::onMessage, false,
              PushSubscribeOptions.bind(ref.stream(), ref.name()));
        }
      }
      return consumer;
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  /**
   * Every delivery of every durable consumer read here, found by the stream and consumer its metadata
   * names. It is also the dispatcher's default handler: the client sends a subscription's SUB before
   * it registers the subscription's own handler, and a push consumer with messages waiting delivers
   * at once, so without a default the first deliveries would be dropped unseen (and come back only
   * after {@code ack_wait}; never, without acks).
   */
  private void onMessage(Message msg) {
    if (!msg.isJetStream()) return; // flow control and heartbeats are the client's business
    dispatch.lock();
    try {
      Map<String, ConsumerRef> ofStream = refs.get(msg.metaData().getStream());
      ConsumerRef ref = ofStream == null ? null : ofStream.get(msg.metaData().getConsumer());
      if (ref == null) return; // cannot happen: every subscription here reads a durable consumer of refs
      if (closed) {
        // Received before the unsubscribe took effect: handed back with the unsettled ones at close.
        if (manualAck) unsettled.put(msg.getReplyTo(), msg);
        return;
      }
      boolean redelivered = msg.metaData().deliveredCount() > 1;
      if (manualAck) unsettled.put(msg.getReplyTo(), msg);
      try {
        listener.onDelivery(new NatsDelivery(msg, ref, redelivered));
      } finally {
        if (!manualAck) creditBack(ref);
      }
    } catch (RuntimeException e) {
      // Thrown into the client, it would only reach the error listener; say so once here.
      listenerFailures.report(e);
    } finally {
      dispatch.unlock();
    }
  }

  /** One delivery; settles through this consumer's connection. */
  private final class NatsDelivery extends KeylessDelivery {
    private final Message message;
    private final ConsumerRef ref;

    NatsDelivery(Message message, ConsumerRef ref, boolean redelivered) {
      super(message.getData(), ref.destination(), ref.partition(), redelivered);
      this.message = message;
      this.ref = ref;
    }

    /** {@code +ACK}; nothing when the consumer already handed the message back at close. */
    @Override
    public void ack() {
      if (manualAck && unsettled.remove(message.getReplyTo()) != null) {
        message.ack();
        creditBack(ref);
      }
    }

    /** {@code -NAK} with requeue, {@code +TERM} without; nothing when already handed back. */
    @Override
    public void reject(boolean requeue) {
      if (!manualAck || unsettled.remove(message.getReplyTo()) == null) return;
      if (requeue) message.nak();
      else message.term();
      creditBack(ref);
    }
  }

  /** Competing consumers: a delivery from {@code ref} was settled, so its reader may ask for one more. */
  private void creditBack(ConsumerRef ref) {
    SharedConsumerPuller puller = shared.get(ref);
    if (puller != null) puller.settled();
  }

  @Override
  public void close() {
    if (closed) return;
    boolean locked = false;
    try {
      locked = dispatch.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
    if (locked) dispatch.unlock();
    for (MessageConsumer pull : pulls) pull.stop();
    stopSharedPullers();
    try {
      if (dispatcher.isActive()) dispatcher.drain(CLOSE_WAIT).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      log.accept("consumer " + connection.getOptions().getConnectionName() + " did not drain within " + CLOSE_WAIT
          + " (" + e + "); messages it held come back after consumer.ack-wait");
    }
    for (MessageConsumer pull : pulls) closeQuietly(pull);
    if (manualAck) awaitServerSawUsGo();
    if (manualAck && nakOnClose) {
      for (Message held : unsettled.values()) {
        try {
          held.nak();
        } catch (IllegalStateException e) {
          break; // the connection is gone: the server redelivers after ack_wait
        }
      }
    }
    unsettled.clear();
    NatsTarget.closeQuietly(connection, CLOSE_WAIT);
  }

  /**
   * Returns once the server no longer delivers to this consumer's unsubscribed reader of any of its
   * durable consumers, so a negative acknowledgement cannot send a message back to it (where nobody
   * reads and it would wait for {@code ack_wait}, or worse). Both checks read the durable consumer's
   * info, which the server computes after the unsubscribe this connection sent before:
   *
   * <ul>
   *   <li>Push: the server learns of a deliver subject's lost interest asynchronously and keeps
   *       pushing (into the void) until it has; its info reports {@code push_bound} until then, so
   *       this polls until it is false.
   *   <li>Pull: answering an info request makes the server drop pull requests whose subscriber is
   *       gone. Left alone, they linger until they expire (30 s), and nats-server before 2.10.14
   *       mishandles a redelivery that meets one (nats-server#5305): it loses the redelivery and
   *       hands the stream's last delivered message out again as a first delivery.
   * </ul>
   *
   * Bounded by {@link #CLOSE_WAIT} in all; failures are logged, and the messages then come back as
   * the server manages.
   */
  private void awaitServerSawUsGo() {
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      JetStreamManagement jsm = connection.jetStreamManagement();
      for (ConsumerRef ref : refs.values().stream().flatMap(m -> m.values().stream()).toList()) {
        while (jsm.getConsumerInfo(ref.stream(), ref.name()).isPushBound() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      }
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      log.accept("consumer " + connection.getOptions().getConnectionName()
          + " could not confirm the server saw it go: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Competing consumers: stops every reader and waits for their pull requests in progress to end
   * (each at most {@link SharedConsumerPuller#EXPIRES} and the client's grace, all in parallel), so
   * what the server sent here is kept, to be handed back, rather than left to {@code ack_wait}.
   */
  private void stopSharedPullers() {
    for (SharedConsumerPuller puller : shared.values()) puller.stop();
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      for (SharedConsumerPuller puller : shared.values()) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!puller.awaitStopped(left)) {
          log.accept("consumer " + connection.getOptions().getConnectionName() + " still pulling from "
              + puller.ref().name() + " after " + CLOSE_WAIT + "; what it gets comes back after consumer.ack-wait");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(MessageConsumer pull) {
    try {
      pull.close();
    } catch (Exception ignored) {
      // Already unsubscribed by the drain.
    }
  }
}
