package io.brokerbench.adapter.builtin.log;

import io.brokerbench.adapter.shared.LogRedeliveries;
import io.brokerbench.adapter.shared.OffsetDelivery;
import io.brokerbench.adapter.shared.SettledOffsets;
import io.brokerbench.adapter.shared.UnsettledDeliveries;
import io.brokerbench.engine.log.DataSignal;
import io.brokerbench.engine.log.EngineClosedException;
import io.brokerbench.engine.log.LogConsumer;
import io.brokerbench.engine.log.LogException;
import io.brokerbench.engine.log.RecordView;
import io.brokerbench.engine.log.StaleGenerationException;
import io.brokerbench.engine.log.TopicPartition;
import io.brokerbench.engine.log.UnknownMemberException;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A harness consumer: one {@link LogConsumer} in the subscription's group, polled by a dispatch
 * thread of its own that calls the listener (so one thread at a time per consumer, as the SPI
 * requires).
 *
 * <h2>Commits and redelivery</h2>
 * The commit point of a partition is its first delivered but unsettled offset (manual acks, kept by
 * {@link SettledOffsets}), or the position (auto acks). It is committed after every poll that delivered ({@code afterBatch}) or
 * every {@code commit.interval} ({@code auto}), before a rebalance takes the partition away, and on
 * close. Records past it are delivered again to whoever consumes the partition next; the flag comes
 * from the {@link LogRedeliveries}.
 *
 * <h2>Prefetch</h2>
 * With manual acks the consumer never holds more than {@code prefetch} unsettled deliveries: it
 * polls for at most the difference and waits (heartbeating) for acknowledgements, which may come
 * from any thread. This is the same poll loop under {@code consumers.mode: push} and {@code pull}:
 * a log client always asks for each batch.
 */
final class LogEngineConsumer implements TargetConsumer {
  private static final System.Logger LOG = System.getLogger(LogEngineConsumer.class.getName());

  private final LogConsumer consumer;
  private final TopicLayout layout;
  private final DeliveryListener listener;
  private final LogEngineSettings settings;
  private final boolean manual;
  private final int prefetch;
  private final LogRedeliveries redeliveries;
  private final String group;
  /** Deliveries not yet settled, with manual acks only. */
  private final SettledOffsets<TopicPartition> settlements = new SettledOffsets<>();
  private final DataSignal settledSignal = new DataSignal();
  /**
   * Deliveries handed to the listener and not yet settled by the harness (manual acks): unlike
   * {@link #settlements}, which forgets a revoked partition's, it counts each delivery until its
   * first ack or reject, so its {@link UnsettledDeliveries#most()} is exact.
   */
  private final UnsettledDeliveries handedOut = new UnsettledDeliveries();
  /**
   * How the harness settles a delivery: an ack and a reject without requeue settle the record for
   * the commit; a reject with requeue rewinds its partition to it, as users of a log do, so it and
   * every later record of the partition are fetched and delivered again, flagged redelivered.
   */
  private final OffsetDelivery.Settlement<TopicPartition> harnessSettlement =
      OffsetDelivery.Settlement.of(this::settle, this::rewind);
  /**
   * Partitions rewound during the current poll, to the offset to seek to once it returns: the rest
   * of the poll's records of such a partition are skipped (they come again after the seek). Poll
   * thread only.
   */
  private final Map<TopicPartition, Long> rewound = new HashMap<>();
  private final Thread thread;
  private byte[] buffer = new byte[1024];
  private volatile boolean settledSinceCommit;
  private volatile boolean closing;
  private long nextAutoCommitNanos;
  private final long keepAliveNanos;
  private long lastKeepAliveNanos = System.nanoTime();

  LogEngineConsumer(LogConsumer consumer, TopicLayout layout, ConsumerSpec spec, DeliveryListener listener,
      LogEngineSettings settings, LogRedeliveries redeliveries) {
    this.consumer = consumer;
    this.layout = layout;
    this.listener = listener;
    this.settings = settings;
    this.manual = spec.ackMode() == AckMode.MANUAL;
    this.prefetch = spec.prefetch();
    String group = layout.group(spec.subscription());
    this.redeliveries = redeliveries;
    this.group = group;
    consumer.setRevocationListener(this::onRevoke);
    consumer.subscribe(layout.subscription(spec.subscription()));
    this.nextAutoCommitNanos = System.nanoTime() + settings.commitInterval().toNanos();
    this.keepAliveNanos = Math.max(1_000_000L, settings.sessionTimeout().toNanos() / 3);
    this.thread = new Thread(this::run, "log-engine-consumer-" + group + "-" + spec.consumerIndex());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    long heartbeatNanos = Math.max(1_000_000L, settings.sessionTimeout().toNanos() / 3);
    try {
      while (!closing) {
        int budget = settings.maxPollRecords();
        if (manual) budget = Math.min(budget, prefetch - settlements.unsettled());
        if (budget <= 0) {
          settledSignal.await(Math.min(heartbeatNanos, 100_000_000L));
          consumer.poll(Duration.ZERO, this::handle, 0);
          seekRewound();
          maybeCommit(0);
          continue;
        }
        int n = consumer.poll(Duration.ofMillis(100), this::handle, budget);
        seekRewound();
        maybeCommit(n);
      }
    } catch (EngineClosedException e) {
      // the engine went away under us (target closing or crash): stop quietly
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, thread.getName() + " stopped", e);
    } finally {
      try {
        commit();
      } catch (RuntimeException e) {
        // closing anyway; uncommitted records are delivered again
      }
      try {
        consumer.close();
      } catch (RuntimeException e) {
        // the engine may already be closed
      }
    }
  }

  private void handle(RecordView r) {
    long now = System.nanoTime();
    if (now - lastKeepAliveNanos > keepAliveNanos) {
      // A slow listener must not cost the member its session between two polls.
      consumer.keepAlive();
      lastKeepAliveNanos = now;
    }
    TopicPartition tp = r.partition();
    if (manual && !rewound.isEmpty() && rewound.containsKey(tp)) return;
    int length = r.valueLength();
    if (length > buffer.length) buffer = new byte[Math.max(length, buffer.length * 2)];
    if (length > 0) r.copyValue(buffer);
    long offset = r.offset();
    boolean redelivered = LogRedeliveries.markDelivered(redeliveries.highestDelivered(group, tp.topic(), tp.partition()), offset);
    if (manual) {
      settlements.delivered(tp, offset);
      handedOut.handedOut();
    }
    listener.onDelivery(new OffsetDelivery<>(buffer, Math.max(length, 0), r.key(), layout.destinationOf(tp.topic()), tp,
        tp.partition(), offset, redelivered, harnessSettlement));
    if (manual) settlements.takeRewinds().forEach((partition, to) -> rewound.merge(partition, to, Math::min));
  }

  /** Seeks the partitions rewound during the last poll back to their rejected records. Poll thread. */
  private void seekRewound() {
    if (!manual) return;
    settlements.takeRewinds().forEach((partition, to) -> rewound.merge(partition, to, Math::min));
    if (rewound.isEmpty()) return;
    Set<TopicPartition> assigned = consumer.assignment();
    rewound.forEach((tp, offset) -> {
      if (assigned.contains(tp)) consumer.seek(tp, offset);
    });
    rewound.clear();
  }

  /** Called by {@link OffsetDelivery#reject(boolean)} with requeue, once per delivery, from any thread. */
  private void rewind(TopicPartition partition, long offset) {
    if (!manual) return;
    handedOut.settled();
    settlements.rewind(partition, offset);
    settledSignal.signal();
  }

  /** Called by {@link OffsetDelivery#ack()} and reject, once per delivery, from any thread. */
  private void settle(TopicPartition partition, long offset) {
    if (!manual) return;
    handedOut.settled();
    if (settlements.settle(partition, offset)) {
      settledSinceCommit = true;
      settledSignal.signal();
    }
  }

  private Map<TopicPartition, Long> onRevoke(Set<TopicPartition> revoked) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition tp : revoked) {
      offsets.put(tp, commitPoint(tp));
      settlements.forget(tp);
    }
    return offsets;
  }

  private long commitPoint(TopicPartition tp) {
    long position = consumer.position(tp);
    OptionalLong firstUnsettled = settlements.firstUnsettled(tp);
    return firstUnsettled.isPresent() && firstUnsettled.getAsLong() < position ? firstUnsettled.getAsLong() : position;
  }

  private void maybeCommit(int delivered) {
    if (settings.commitStrategy() == LogEngineSettings.CommitStrategy.AFTER_BATCH) {
      if (delivered > 0 || settledSinceCommit) commit();
    } else if (System.nanoTime() >= nextAutoCommitNanos) {
      nextAutoCommitNanos = System.nanoTime() + settings.commitInterval().toNanos();
      commit();
    }
  }

  private void commit() {
    settledSinceCommit = false;
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) offsets.put(tp, commitPoint(tp));
    if (offsets.isEmpty()) return;
    try {
      consumer.commitSync(offsets);
    } catch (StaleGenerationException | UnknownMemberException e) {
      // a rebalance is under way: the next poll joins it (and commits on revoke)
    } catch (LogException e) {
      if (!closing) throw e;
    }
  }

  /**
   * With manual acks, the most deliveries held unsettled at once, exact; empty with automatic acks,
   * where a delivery is settled by the commit of the position, not by the harness.
   */
  @Override
  public OptionalInt mostUnacknowledged() {
    return manual ? OptionalInt.of(handedOut.most()) : OptionalInt.empty();
  }

  /** Stops the dispatch thread (after the listener call in progress), commits and leaves the group. */
  @Override
  public void close() {
    if (closing && !thread.isAlive()) return;
    closing = true;
    consumer.wakeup();
    settledSignal.signal();
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
