package io.brokerbench.adapter.kafka;

import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One competing consumer of a subscription: a member of the subscription's share group (KIP-932)
 * that takes records from every partition of the subscription's topics, as the group hands them
 * out, and acknowledges each one explicitly.
 *
 * <h2>Poll loop</h2>
 * The client is configured with {@code share.acknowledgement.mode=explicit}, {@code
 * share.acquire.mode=record_limit} and {@code max.poll.records} = prefetch ({@link
 * KafkaClientConfigs#shareConsumer}), so one poll acquires at most prefetch records. Kafka refuses
 * a poll while a record of the previous poll is unacknowledged, so the loop polls only when every
 * delivered record has been settled and applied; until then it waits for settlements. Records of a
 * poll go to a local buffer and from there to the listener, one at a time; with manual
 * acknowledgement at most {@code prefetch} are unsettled at once, also if the client handed out more
 * than asked. Settlements ({@link KafkaShareDelivery}) reach this thread through {@link
 * ShareAcknowledgements}; it applies them with {@code acknowledge} as they come, and once every
 * record of a poll is settled it commits them in one request ({@code commitSync} for {@link
 * CommitStrategy#SYNC}, {@code commitAsync} for {@link CommitStrategy#ASYNC}; with {@link
 * CommitStrategy#AUTO} they ride on the next poll's fetch request, as Kafka sends pending
 * acknowledgements with it). With automatic acknowledgement the loop accepts each record right
 * after the listener returns. One commit per poll, not per record: a request per record caps a
 * member at a few hundred records a second.
 *
 * <h2>Threading and failure</h2>
 * The listener is called only from the poll thread, named {@code bb-kafka-<group>-c<index>}; the
 * client is used only by it. {@link #close()} stops the loop, waits for the thread at most the
 * close timeout plus the poll timeout, and after it returns the listener is not called again. On
 * the way out the thread commits what was settled and closes the client, which releases every
 * record still acquired: the group delivers those again, to other members, with a higher delivery
 * count. A failure of the client or the listener ends the loop; it is reported once through the
 * target's log and by {@link #failure()}. A failed acknowledgement commit (for instance after the
 * record's acquisition lock expired) is logged, the first few times, and counted.
 */
final class KafkaShareTargetConsumer implements TargetConsumer {
  private static final int MAX_LOGGED_COMMIT_FAILURES = 3;

  private final ShareConsumer<byte[], byte[]> client;
  private final KafkaTopology topology;
  private final String name;
  private final String group;
  private final List<String> topics;
  private final DeliveryListener listener;
  private final boolean manualAck;
  private final int prefetch;
  private final CommitStrategy commit;
  private final Duration pollTimeout;
  private final Consumer<String> log;
  private final ShareAcknowledgements<ConsumerRecord<byte[], byte[]>> acknowledgements = new ShareAcknowledgements<>();
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
  private final Thread thread;

  private volatile boolean running = true;
  /** Acknowledgements applied since the last commit. Poll thread only. */
  private boolean acknowledgedSinceCommit;
  private volatile Throwable failure;
  private volatile int commitFailures;
  private boolean closed;

  /**
   * Starts the poll thread.
   *
   * @param client the share consumer, configured by {@link KafkaClientConfigs#shareConsumer}; owned
   *     and closed by this object, used only by its thread
   * @param topics the topics of the subscription, at least one
   */
  KafkaShareTargetConsumer(
      ShareConsumer<byte[], byte[]> client,
      KafkaTopology topology,
      String group,
      int consumerIndex,
      List<String> topics,
      DeliveryListener listener,
      AckMode ackMode,
      int prefetch,
      KafkaTargetSettings settings,
      Consumer<String> log) {
    if (topics.isEmpty()) throw new IllegalArgumentException("a share consumer needs at least one topic");
    this.client = client;
    this.topology = topology;
    this.name = "bb-kafka-" + group + "-c" + consumerIndex;
    this.group = group;
    this.topics = List.copyOf(topics);
    this.listener = listener;
    this.manualAck = ackMode == AckMode.MANUAL;
    this.prefetch = prefetch;
    this.commit = settings.commit();
    this.pollTimeout = settings.pollTimeout();
    this.log = log;
    client.setAcknowledgementCommitCallback((offsets, e) -> {
      if (e != null) commitFailed(offsets + ": " + e);
    });
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * With manual acks, the most records held unsettled by the harness at once, exact; empty with
   * automatic acks, which accept each record once the listener returns.
   */
  @Override
  public OptionalInt mostUnacknowledged() {
    return manualAck ? OptionalInt.of(acknowledgements.mostHeldByHarness()) : OptionalInt.empty();
  }

  /** The share group this consumer is a member of. */
  String group() {
    return group;
  }

  /** Whether {@link #close()} has not been called. Any thread. */
  synchronized boolean isOpen() {
    return !closed;
  }

  /** The failure that ended the poll loop, or null. */
  Throwable failure() {
    return failure;
  }

  /** Acknowledgement commits that failed so far. */
  int commitFailures() {
    return commitFailures;
  }

  private void run() {
    try {
      client.subscribe(topics);
      while (running) {
        deliverBuffered();
        if (buffer.isEmpty() && acknowledgements.unsettled() == 0) {
          if (acknowledgedSinceCommit) commit();
          for (ConsumerRecord<byte[], byte[]> record : client.poll(pollTimeout)) buffer.add(record);
        } else {
          // Kafka refuses to poll before every record of the last poll is acknowledged: wait for settlements.
          acknowledge(acknowledgements.take(pollTimeout.toNanos()));
        }
      }
    } catch (WakeupException e) {
      if (running) fail(e);
    } catch (InterruptedException e) {
      if (running) fail(e);
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      fail(e);
    } finally {
      finish();
    }
  }

  /** Delivers buffered records while the prefetch allows. */
  private void deliverBuffered() throws InterruptedException {
    while (running && !buffer.isEmpty() && (!manualAck || acknowledgements.unsettled() < prefetch)) {
      ConsumerRecord<byte[], byte[]> record = buffer.poll();
      if (manualAck) acknowledgements.delivered();
      listener.onDelivery(new KafkaShareDelivery(record, topology.destinationOf(record.topic()),
          manualAck ? acknowledgements : null));
      if (!manualAck) {
        client.acknowledge(record, AcknowledgeType.ACCEPT);
        acknowledgedSinceCommit = true;
      } else {
        acknowledge(acknowledgements.take(0));
      }
    }
  }

  /** Applies settlements to the client; they are sent with the next commit or poll. */
  private void acknowledge(List<ShareAcknowledgements.Settlement<ConsumerRecord<byte[], byte[]>>> settlements) {
    if (settlements.isEmpty()) return;
    for (ShareAcknowledgements.Settlement<ConsumerRecord<byte[], byte[]>> s : settlements) {
      client.acknowledge(s.record(), s.type());
    }
    acknowledgedSinceCommit = true;
  }

  /** Commits the acknowledgements of a settled poll as the strategy says (with AUTO the next poll carries them). */
  private void commit() {
    acknowledgedSinceCommit = false;
    switch (commit) {
      case SYNC -> client.commitSync(KafkaTargetConsumer.CLIENT_CLOSE_TIMEOUT).forEach((partition, error) ->
          error.ifPresent(e -> commitFailed(partition + ": " + e)));
      case ASYNC -> client.commitAsync();
      case AUTO -> { }
    }
  }

  private void commitFailed(String what) {
    int failures = ++commitFailures;
    if (failures <= MAX_LOGGED_COMMIT_FAILURES) {
      log.accept("consumer " + name + ": acknowledgement commit failed (" + failures + " so far, first "
          + MAX_LOGGED_COMMIT_FAILURES + " shown): " + what);
    }
  }

  private void fail(Throwable e) {
    failure = e;
    log.accept("consumer " + name + " stopped: " + e);
  }

  /** Applies and commits what was settled, then closes the client, which releases what is still acquired. */
  private void finish() {
    if (failure == null) {
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          acknowledge(acknowledgements.take(0));
          client.commitSync(KafkaTargetConsumer.CLIENT_CLOSE_TIMEOUT);
          break;
        } catch (WakeupException e) {
          // close() woke the client while this thread was not in a Kafka call: the next call throws once.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (RuntimeException e) {
          log.accept("consumer " + name + ": final acknowledgement commit failed: " + e);
          break;
        }
      }
    }
    try {
      client.close(KafkaTargetConsumer.CLIENT_CLOSE_TIMEOUT);
    } catch (RuntimeException e) {
      log.accept("consumer " + name + ": close failed: " + e);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    running = false;
    client.wakeup();
    try {
      thread.join(KafkaTargetConsumer.CLIENT_CLOSE_TIMEOUT.multipliedBy(2).plus(pollTimeout).plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) log.accept("consumer " + name + " did not stop within the close timeout");
  }
}
