package io.brokerbench.adapter.kafka;

import io.brokerbench.adapter.shared.LogRedeliveries;
import io.brokerbench.adapter.shared.OffsetDelivery;
import io.brokerbench.adapter.shared.SettledOffsets;
import io.brokerbench.adapter.shared.UnsettledDeliveries;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One consumer of a subscription (consumer group): a thread that polls a {@link
 * org.apache.kafka.clients.consumer.Consumer}, flags redeliveries with the target's {@link
 * LogRedeliveries}, hands records to the listener and commits what was settled.
 *
 * <h2>Poll loop</h2>
 * Records of a poll go to a local buffer and from there to the listener, one at a time. With manual
 * acknowledgement, at most {@code prefetch} deliveries are unsettled at once: when that many are,
 * the loop stops delivering and pauses fetching until some are settled (the prefetch bound Kafka
 * itself does not have). The redelivered flag is decided at delivery, not at fetch. When the buffer
 * is drained the loop commits as {@link CommitStrategy} says; on close it commits the settled
 * offsets synchronously and closes the client (Kafka's auto commit commits on close itself).
 *
 * <h2>Threading and failure</h2>
 * The listener is called only from the poll thread, named {@code bb-kafka-<group>-c<index>}. {@link
 * #close()} stops the loop (wakeup), waits for the thread at most the close timeout plus the poll
 * timeout, and after it returns the listener is not called again. A failure of the client or the
 * listener ends the loop; it is reported once through the target's log and by {@link #failure()},
 * and the consumer's partitions are then not consumed any more (the ledger shows them as lost).
 */
final class KafkaTargetConsumer implements TargetConsumer {
  /** How long closing the Kafka client (final commit, leaving the group) may take. */
  static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_LOGGED_COMMIT_FAILURES = 3;

  /** Where the consumer's partitions come from. */
  sealed interface Source {}

  /** {@code assign} exactly these partitions, at least one. */
  record Assigned(List<TopicPartition> partitions) implements Source {
    Assigned {
      if (partitions.isEmpty()) throw new IllegalArgumentException("an assigned consumer needs at least one partition");
      partitions = List.copyOf(partitions);
    }
  }

  /** {@code subscribe} to these topics. */
  record SubscribedTopics(List<String> topics) implements Source {
    SubscribedTopics {
      topics = List.copyOf(topics);
    }
  }

  /** {@code subscribe} to the topics matching this pattern. */
  record SubscribedPattern(Pattern pattern) implements Source {}

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> client;
  private final KafkaTopology topology;
  private final String group;
  private final String name;
  private final Source source;
  private final DeliveryListener listener;
  private final LogRedeliveries tracker;
  private final boolean manualAck;
  private final int prefetch;
  private final CommitStrategy commit;
  private final boolean kafkaAutoCommit;
  /** Whether this consumer commits itself, and so tracks settlements (always with manual acks). */
  private final boolean tracksCommits;
  private final long autoCommitIntervalNanos;
  private final Duration pollTimeout;
  private final LongSupplier nanoClock;
  private final Consumer<String> log;
  private final SettledOffsets<TopicPartition> settlements = new SettledOffsets<>();
  /**
   * Deliveries handed to the listener and not yet settled by the harness (manual acks): unlike
   * {@link #settlements}, which forgets a revoked partition's and a rewound tail, it counts each
   * delivery until its first ack or reject, so its {@link UnsettledDeliveries#most()} is exact.
   */
  private final UnsettledDeliveries handedOut = new UnsettledDeliveries();
  /**
   * How the harness settles a delivery: with manual acks, an ack or a reject settles it for the
   * commit and a reject with requeue rewinds its partition to it, so it is fetched and delivered
   * again (flagged redelivered), as Kafka has no dead-lettering; with automatic acks, nothing.
   */
  private final OffsetDelivery.Settlement<TopicPartition> harnessSettlement;
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
  private final Thread thread;

  private volatile boolean running = true;
  private volatile Throwable failure;
  private boolean closed;
  private long lastCommitNanos;
  private int commitFailures;

  // Cache of the partition of the last delivered record: records arrive grouped by partition.
  private String lastTopic;
  private int lastPartition = -1;
  private TopicPartition lastTopicPartition;
  private AtomicLong lastHighest;

  /**
   * Starts the poll thread.
   *
   * @param client the Kafka consumer, configured by {@link KafkaClientConfigs#consumer}; owned and
   *     closed by this object, used only by its thread
   * @param group the consumer group, the key of {@code tracker}
   */
  KafkaTargetConsumer(
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> client,
      KafkaTopology topology,
      String group,
      int consumerIndex,
      Source source,
      DeliveryListener listener,
      LogRedeliveries tracker,
      AckMode ackMode,
      int prefetch,
      KafkaTargetSettings settings,
      LongSupplier nanoClock,
      Consumer<String> log) {
    this.client = client;
    this.topology = topology;
    this.group = group;
    this.name = "bb-kafka-" + group + "-c" + consumerIndex;
    this.source = source;
    this.listener = listener;
    this.tracker = tracker;
    this.manualAck = ackMode == AckMode.MANUAL;
    this.harnessSettlement = manualAck
        ? OffsetDelivery.Settlement.of(settlements::settle, settlements::rewind).countedIn(handedOut)
        : OffsetDelivery.Settlement.onDelivery();
    this.prefetch = prefetch;
    this.commit = settings.commit();
    this.kafkaAutoCommit = KafkaClientConfigs.kafkaAutoCommit(settings, ackMode);
    this.tracksCommits = !kafkaAutoCommit;
    this.autoCommitIntervalNanos = settings.autoCommitInterval().toNanos();
    this.pollTimeout = settings.pollTimeout();
    this.nanoClock = nanoClock;
    this.log = log;
    this.lastCommitNanos = nanoClock.getAsLong();
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * With manual acks, the most deliveries held unsettled at once, exact; empty with automatic acks,
   * where a delivery is settled by a commit, not by the harness.
   */
  @Override
  public OptionalInt mostUnacknowledged() {
    return manualAck ? OptionalInt.of(handedOut.most()) : OptionalInt.empty();
  }

  /** The failure that ended the poll loop, or null. */
  Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      start();
      while (running) {
        applyRewinds();
        deliverBuffered();
        if (buffer.isEmpty()) {
          commitAfterBatch();
        } else if (!kafkaAutoCommit && commit == CommitStrategy.AUTO) {
          commitIfIntervalPassed();
        }
        boolean hold = !buffer.isEmpty() || (manualAck && settlements.unsettled() >= prefetch);
        if (hold) {
          client.pause(client.assignment());
        } else if (!client.paused().isEmpty()) {
          client.resume(client.paused());
        }
        ConsumerRecords<byte[], byte[]> records = client.poll(pollTimeout);
        for (ConsumerRecord<byte[], byte[]> record : records) buffer.add(record);
      }
    } catch (WakeupException e) {
      if (running) fail(e);
    } catch (Throwable e) {
      fail(e);
    } finally {
      finish();
    }
  }

  private void start() {
    if (source instanceof Assigned a) {
      client.assign(a.partitions());
    } else if (source instanceof SubscribedTopics t) {
      client.subscribe(t.topics(), new Rebalance());
    } else if (source instanceof SubscribedPattern p) {
      client.subscribe(p.pattern(), new Rebalance());
    }
  }

  /** Delivers buffered records while the prefetch allows. */
  private void deliverBuffered() {
    while (running && !buffer.isEmpty() && (!manualAck || settlements.unsettled() < prefetch)) {
      ConsumerRecord<byte[], byte[]> record = buffer.poll();
      selectPartition(record);
      boolean redelivered = LogRedeliveries.markDelivered(lastHighest, record.offset());
      if (tracksCommits) settlements.delivered(lastTopicPartition, record.offset());
      if (manualAck) handedOut.handedOut();
      OffsetDelivery<TopicPartition> delivery = new OffsetDelivery<>(record.value(), record.value().length, record.key(),
          topology.destinationOf(record.topic()), lastTopicPartition, record.partition(), record.offset(), redelivered,
          harnessSettlement);
      listener.onDelivery(delivery);
      if (!manualAck && tracksCommits) settlements.settle(lastTopicPartition, record.offset());
      if (manualAck) applyRewinds();
    }
  }

  private void selectPartition(ConsumerRecord<byte[], byte[]> record) {
    if (record.partition() == lastPartition && record.topic().equals(lastTopic)) return;
    lastTopic = record.topic();
    lastPartition = record.partition();
    lastTopicPartition = new TopicPartition(lastTopic, lastPartition);
    lastHighest = tracker.highestDelivered(group, lastTopic, lastPartition);
  }

  /** Seeks partitions back to rejected-with-requeue records and drops what was buffered after them. */
  private void applyRewinds() {
    Map<TopicPartition, Long> rewinds = settlements.takeRewinds();
    if (rewinds.isEmpty()) return;
    buffer.removeIf(r -> rewinds.containsKey(new TopicPartition(r.topic(), r.partition())));
    rewinds.forEach((tp, offset) -> {
      if (client.assignment().contains(tp)) client.seek(tp, offset);
    });
  }

  /** After the records of a poll are delivered; commits only offsets that advanced since the last commit. */
  private void commitAfterBatch() {
    switch (commit) {
      case SYNC -> commitSync();
      case ASYNC -> commitAsync();
      case AUTO -> {
        if (!kafkaAutoCommit) commitIfIntervalPassed();
      }
    }
  }

  private void commitIfIntervalPassed() {
    long now = nanoClock.getAsLong();
    if (now - lastCommitNanos >= autoCommitIntervalNanos) {
      lastCommitNanos = now;
      commitAsync();
    }
  }

  private void commitSync() {
    Map<TopicPartition, Long> offsets = settlements.takeCommittable();
    if (offsets.isEmpty()) return;
    try {
      client.commitSync(kafkaOffsets(offsets));
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      settlements.restoreCommittable(offsets);
      commitFailed(e);
    }
  }

  private void commitAsync() {
    Map<TopicPartition, Long> offsets = settlements.takeCommittable();
    if (offsets.isEmpty()) return;
    client.commitAsync(kafkaOffsets(offsets), (committed, e) -> {
      if (e != null) {
        settlements.restoreCommittable(offsets);
        commitFailed(e);
      }
    });
  }

  private static Map<TopicPartition, OffsetAndMetadata> kafkaOffsets(Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    offsets.forEach((partition, offset) -> out.put(partition, new OffsetAndMetadata(offset)));
    return out;
  }

  private void commitFailed(Exception e) {
    commitFailures++;
    if (commitFailures <= MAX_LOGGED_COMMIT_FAILURES) {
      log.accept("consumer " + name + ": commit failed (" + commitFailures + " so far, first "
          + MAX_LOGGED_COMMIT_FAILURES + " shown): " + e);
    }
  }

  private void fail(Throwable e) {
    failure = e;
    log.accept("consumer " + name + " stopped: " + e);
  }

  private void finish() {
    try {
      if (!kafkaAutoCommit && failure == null) commitSync();
    } catch (RuntimeException e) {
      log.accept("consumer " + name + ": final commit failed: " + e);
    }
    try {
      client.close(CloseOptions.timeout(CLIENT_CLOSE_TIMEOUT));
    } catch (RuntimeException e) {
      log.accept("consumer " + name + ": close failed: " + e);
    }
  }

  /** Keeps the commit and the buffer consistent with what the coordinator assigns. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      dropBuffered(partitions);
      if (!kafkaAutoCommit) commitSync();
      partitions.forEach(settlements::forget);
      lastTopic = null;
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      dropBuffered(partitions);
      partitions.forEach(settlements::forget);
      lastTopic = null;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    private void dropBuffered(Collection<TopicPartition> partitions) {
      Set<TopicPartition> set = Set.copyOf(partitions);
      buffer.removeIf(r -> set.contains(new TopicPartition(r.topic(), r.partition())));
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
      thread.join(CLIENT_CLOSE_TIMEOUT.plus(pollTimeout).plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) log.accept("consumer " + name + " did not stop within the close timeout");
  }
}
