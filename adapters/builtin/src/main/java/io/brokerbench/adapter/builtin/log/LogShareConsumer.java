package io.brokerbench.adapter.builtin.log;

import io.brokerbench.adapter.shared.OffsetDelivery;
import io.brokerbench.engine.log.AcknowledgeType;
import io.brokerbench.engine.log.DataSignal;
import io.brokerbench.engine.log.EngineClosedException;
import io.brokerbench.engine.log.ShareConsumer;
import io.brokerbench.engine.log.ShareRecordView;
import io.brokerbench.engine.log.TopicPartition;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A harness consumer of a subscription under competing sharing: a member of the subscription's
 * share group, polled by a dispatch thread of its own that calls the listener (one thread at a time
 * per consumer, as the SPI requires). Every consumer of the subscription takes records from every
 * partition of its topics; the group hands each record to one member at a time.
 *
 * <h2>Acknowledgement</h2>
 * Explicit: {@code ack} accepts, {@code reject(true)} releases (delivered again, to any member, until
 * the group's delivery count limit), {@code reject(false)} rejects. With automatic acks the record
 * is accepted once the listener returns. The redelivered flag is the group's: delivery count above 1.
 *
 * <h2>Prefetch</h2>
 * With manual acks the consumer never holds more than {@code prefetch} records unsettled. A share
 * consumer's poll takes a fixed number of records ({@code maxPollRecords}), so the consumer is two
 * members of the group: a bulk one taking {@code min(consumer.max-poll-records, prefetch)} records,
 * polled while that much room is left, and a single one taking one record, polled while less room is
 * left ({@link #pollSize}). Acknowledgements, from any thread, free room and wake the dispatch thread.
 * This is the same loop under {@code consumers.mode: push} and {@code pull}: it asks for each batch
 * and asks again only when there is room.
 *
 * <h2>Closing</h2>
 * {@link #close()} stops the dispatch thread after the listener call in progress; closing the
 * members releases every record they hold, which the group delivers again (to another member).
 */
final class LogShareConsumer implements TargetConsumer {
  private static final System.Logger LOG = System.getLogger(LogShareConsumer.class.getName());
  private static final Duration POLL_WAIT = Duration.ofMillis(100);

  private final ShareConsumer bulk;
  /** Polled for one record at a time when less room than the bulk's batch is left; {@code bulk} itself when that batch is 1. */
  private final ShareConsumer single;
  private final int bulkSize;
  private final TopicLayout layout;
  private final DeliveryListener listener;
  private final LogRemovals removals;
  private final String group;
  private final boolean manual;
  private final int prefetch;
  /** Records delivered and not yet settled (manual acks only). */
  private final AtomicInteger held = new AtomicInteger();
  /** The most {@link #held} ever was: exact, as every record reaches the listener through {@link #handle}. */
  private final AtomicInteger mostHeld = new AtomicInteger();
  private final DataSignal roomSignal = new DataSignal();
  private final Thread thread;
  private final OffsetDelivery.Settlement<TopicPartition> bulkSettlement;
  private final OffsetDelivery.Settlement<TopicPartition> singleSettlement;
  private byte[] buffer = new byte[1024];
  private ShareConsumer polling;
  private volatile boolean closing;

  /**
   * @param bulk a member with {@code maxPollRecords} of {@code bulkSize}, explicit acknowledgement
   * @param single a member with {@code maxPollRecords} 1, or {@code bulk} when {@code bulkSize} is 1
   */
  LogShareConsumer(ShareConsumer bulk, ShareConsumer single, int bulkSize, TopicLayout layout, ConsumerSpec spec,
      DeliveryListener listener, LogRemovals removals) {
    this.bulk = bulk;
    this.single = single;
    this.bulkSize = bulkSize;
    this.layout = layout;
    this.listener = listener;
    this.removals = removals;
    this.group = layout.group(spec.subscription());
    this.manual = spec.ackMode() == AckMode.MANUAL;
    this.prefetch = spec.prefetch();
    bulk.subscribe(layout.topicsOf(spec.subscription()));
    if (single != bulk) single.subscribe(layout.topicsOf(spec.subscription()));
    this.bulkSettlement = settlementOf(bulk);
    this.singleSettlement = single == bulk ? bulkSettlement : settlementOf(single);
    this.thread = new Thread(this::run, "log-engine-share-consumer-" + group + "-" + spec.consumerIndex());
    thread.setDaemon(true);
  }

  /**
   * The batch of the member to poll next: {@code bulkSize} while at least that much room is left
   * under the prefetch, 1 while less (but some) is left, 0 when the consumer holds its prefetch.
   *
   * @param held records delivered and not settled, 0 or more
   * @param prefetch the most the consumer may hold, at least 1
   * @param bulkSize the bulk member's batch, 1 to {@code prefetch}
   */
  static int pollSize(int held, int prefetch, int bulkSize) {
    int room = prefetch - held;
    if (room >= bulkSize) return bulkSize;
    return room > 0 ? 1 : 0;
  }

  /** The bulk member's batch: {@code maxPollRecords}, and with manual acks at most {@code prefetch}. */
  static int bulkSize(int maxPollRecords, int prefetch, boolean manual) {
    return manual ? Math.min(maxPollRecords, prefetch) : maxPollRecords;
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      while (!closing) {
        int size = manual ? pollSize(held.get(), prefetch, bulkSize) : bulkSize;
        if (size == 0) {
          roomSignal.await(POLL_WAIT.toNanos());
          continue;
        }
        polling = size == bulkSize ? bulk : single;
        polling.poll(POLL_WAIT, this::handle);
      }
    } catch (EngineClosedException e) {
      // the engine went away under us (target closing or crash): stop quietly
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, thread.getName() + " stopped", e);
    } finally {
      closeQuietly(bulk);
      if (single != bulk) closeQuietly(single);
    }
  }

  private static void closeQuietly(ShareConsumer c) {
    try {
      c.close();
    } catch (RuntimeException e) {
      // the engine may already be closed; its records come back when their locks time out
    }
  }

  private void handle(ShareRecordView r) {
    TopicPartition tp = r.partition();
    int length = r.valueLength();
    if (length > buffer.length) buffer = new byte[Math.max(length, buffer.length * 2)];
    if (length > 0) r.copyValue(buffer);
    long offset = r.offset();
    ShareConsumer member = polling;
    if (manual) mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
    // The share group's own flag: the record was delivered to the group before.
    listener.onDelivery(new OffsetDelivery<>(buffer, Math.max(length, 0), r.key(), layout.destinationOf(tp.topic()), tp,
        tp.partition(), offset, r.deliveryCount() > 1, member == bulk ? bulkSettlement : singleSettlement));
    if (!manual) member.acknowledge(tp, offset, AcknowledgeType.ACCEPT);
  }

  /**
   * How the harness's ack and reject reach {@code member}: {@link AcknowledgeType#ACCEPT} (never
   * delivered to the group again), {@link AcknowledgeType#REJECT} (archived, reported removed as
   * rejected), with requeue {@link AcknowledgeType#RELEASE} (delivered again, unless that reaches the
   * delivery count limit: then archived and reported removed).
   */
  private OffsetDelivery.Settlement<TopicPartition> settlementOf(ShareConsumer member) {
    return new OffsetDelivery.Settlement<>(
        (partition, offset) -> settle(member, partition, offset, AcknowledgeType.ACCEPT),
        (partition, offset) -> settle(member, partition, offset, AcknowledgeType.REJECT),
        (partition, offset) -> settle(member, partition, offset, AcknowledgeType.RELEASE));
  }

  /**
   * Called through a delivery's {@link OffsetDelivery.Settlement}, once per delivery, from any
   * thread. A record this member no longer holds (its lock timed out, the member closed) is not
   * acknowledged; it still frees room.
   */
  void settle(ShareConsumer member, TopicPartition partition, long offset, AcknowledgeType type) {
    if (!manual) return;
    boolean applied = member.acknowledge(partition, offset, type);
    if (applied && type == AcknowledgeType.REJECT) removals.rejected(group, partition, offset);
    held.decrementAndGet();
    roomSignal.signal();
  }

  /**
   * With manual acks, the most records held unsettled at once, exact and at most the prefetch;
   * empty with automatic acks, which accept each record once the listener returns.
   */
  @Override
  public OptionalInt mostUnacknowledged() {
    return manual ? OptionalInt.of(mostHeld.get()) : OptionalInt.empty();
  }

  /** Stops the dispatch thread (after the listener call in progress) and closes the members, releasing what they hold. */
  @Override
  public void close() {
    if (closing && !thread.isAlive()) return;
    closing = true;
    bulk.wakeup();
    single.wakeup();
    roomSignal.signal();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) LOG.log(System.Logger.Level.WARNING, thread.getName() + " did not stop within 30s");
    }
  }
}
