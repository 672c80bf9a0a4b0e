package io.brokerbench.engine.log;

import io.brokerbench.commons.Murmur2;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends records to the engine's partitions in batches, from a sender thread of its own.
 *
 * <h2>Batching</h2>
 * Each partition has at most one open batch. A batch is sealed when it reaches {@code batchBytes}
 * or has waited {@code linger}; the sender thread appends sealed batches one after the other. While
 * it is busy, records keep collecting in open batches, so a linger of 0 still batches under load.
 *
 * <h2>Partitioning</h2>
 * An explicit partition is used as given. A keyed record goes where Kafka's default partitioner
 * sends it ({@link Murmur2#partitionForKey}). A record without key goes to the topic's current
 * sticky partition, which changes (at random) each time a batch for it is sealed, as Kafka's sticky partitioner does.
 *
 * <h2>Idempotence</h2>
 * With {@code idempotent}, the producer has an id from the engine and numbers the records of each
 * partition from 0; a batch whose write or force failed is retried with the same sequence numbers,
 * and the partition answers a retry of a batch it already holds with the original offsets.
 *
 * <h2>Acknowledgement</h2>
 * Per {@link Acks}: after the append, or once the partition's flushed offset covers the batch.
 * Callbacks run in offset order per partition, on the sender thread or the engine's flusher thread.
 *
 * <h2>Threading</h2>
 * {@link #send} may be called from several threads; it blocks while {@code maxBufferedBatches}
 * batches are held (back-pressure). {@link #close} sends what is held and stops the sender thread.
 */
public final class LogProducer implements AutoCloseable {
  private final LogEngine engine;
  private final ProducerConfig config;
  private final long producerId;
  private final long lingerNanos;
  private final boolean waitForFlush;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition space = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final Map<TopicPartition, ProducerBatch> open = new HashMap<>();
  private final ArrayDeque<ProducerBatch> sealed = new ArrayDeque<>();
  private final ArrayDeque<BatchBuilder> pool = new ArrayDeque<>();
  private final Map<String, TopicPartition[]> partitionsByTopic = new HashMap<>();
  private final Map<String, Integer> sticky = new HashMap<>();
  private final Map<TopicPartition, Integer> sequences = new HashMap<>();
  private final Thread sender;
  private int buffered;
  private long unacknowledged;
  private int flushRequests;
  private boolean senderWaiting;
  private volatile boolean closing;
  private volatile boolean aborted;

  private static final class ProducerBatch {
    final TopicPartition partition;
    final BatchBuilder builder;
    final long createdNanos;
    SendCallback[] callbacks = new SendCallback[16];
    int count;

    ProducerBatch(TopicPartition partition, BatchBuilder builder, long createdNanos) {
      this.partition = partition;
      this.builder = builder;
      this.createdNanos = createdNanos;
    }

    void add(SendCallback cb) {
      if (count == callbacks.length) callbacks = Arrays.copyOf(callbacks, count * 2);
      callbacks[count++] = cb;
    }
  }

  LogProducer(LogEngine engine, ProducerConfig config) {
    if (config.acks() == Acks.AFTER_FSYNC && engine.config().fsync().mode() == FsyncPolicy.Mode.NEVER) {
      throw new IllegalArgumentException("acks afterFsync needs fsync always or interval(ms); the engine has fsync never");
    }
    this.engine = engine;
    this.config = config;
    this.producerId = config.idempotent() ? engine.nextProducerId() : -1;
    this.lingerNanos = config.linger().toNanos();
    this.waitForFlush = config.acks() == Acks.AFTER_FSYNC && engine.config().fsync().mode() == FsyncPolicy.Mode.INTERVAL;
    this.sender = new Thread(this::runSender, "log-producer-" + (producerId >= 0 ? producerId : "plain"));
    sender.setDaemon(true);
    sender.start();
  }

  /** The idempotent producer id, or -1. */
  public long producerId() {
    return producerId;
  }

  /**
   * Queues a record.
   *
   * @param partition the partition, or -1 to choose by key (Kafka's partitioner) or sticky batches
   * @param callback told the offset or the error
   * @throws IllegalArgumentException when the topic or partition does not exist
   * @throws EngineClosedException when the producer or engine is closed
   * @throws InterruptedException when interrupted while waiting for buffer space
   */
  public void send(String topic, int partition, byte[] key, byte[] value, List<Header> headers, long timestampMs,
      SendCallback callback) throws InterruptedException {
    lock.lock();
    try {
      ProducerBatch b = batchFor(topic, partition, key, BatchBuilder.recordSize(key, value, headers));
      b.builder.append(key, value, headers, timestampMs);
      added(b, callback);
    } finally {
      lock.unlock();
    }
  }

  /** Queues a record without headers whose value is {@code valueLength} bytes of {@code value} from {@code valueOffset}. */
  public void send(String topic, int partition, byte[] key, byte[] value, int valueOffset, int valueLength, long timestampMs,
      SendCallback callback) throws InterruptedException {
    lock.lock();
    try {
      int size = RecordBatch.RECORD_OVERHEAD + (key == null ? 0 : key.length) + valueLength;
      ProducerBatch b = batchFor(topic, partition, key, size);
      b.builder.append(key, value, valueOffset, valueLength, timestampMs);
      added(b, callback);
    } finally {
      lock.unlock();
    }
  }

  private ProducerBatch batchFor(String topic, int partition, byte[] key, int recordBytes) throws InterruptedException {
    ensureOpen();
    TopicPartition[] tps = partitionsByTopic.get(topic);
    if (tps == null) {
      int n = engine.partitionCount(topic);
      tps = new TopicPartition[n];
      for (int i = 0; i < n; i++) tps[i] = new TopicPartition(topic, i);
      partitionsByTopic.put(topic, tps);
    }
    int p;
    if (partition >= 0) {
      if (partition >= tps.length) {
        throw new IllegalArgumentException("topic " + topic + " has " + tps.length + " partitions, no " + partition);
      }
      p = partition;
    } else if (key != null) {
      p = Murmur2.partitionForKey(key, tps.length);
    } else {
      Integer s = sticky.get(topic);
      if (s == null) {
        s = ThreadLocalRandom.current().nextInt(tps.length);
        sticky.put(topic, s);
      }
      p = s;
    }
    TopicPartition tp = tps[p];
    ProducerBatch b = open.get(tp);
    if (b != null && !b.builder.hasRoomFor(recordBytes)) {
      seal(b);
      b = null;
      if (partition < 0 && key == null) {
        // The sticky partition moved on with the sealed batch; this record starts the next one there.
        tp = tps[sticky.get(topic)];
        b = open.get(tp);
        if (b != null && !b.builder.hasRoomFor(recordBytes)) {
          seal(b);
          b = null;
        }
      }
    }
    while (b == null) {
      if (buffered < config.maxBufferedBatches()) {
        BatchBuilder builder = pool.pollFirst();
        if (builder == null) builder = new BatchBuilder(Math.max(config.batchBytes(), 64), true);
        builder.reset();
        b = new ProducerBatch(tp, builder, engine.time().nanos());
        open.put(tp, b);
        buffered++;
        // The sender may be waiting without a deadline: it must learn this batch's linger.
        if (senderWaiting) work.signal();
        break;
      }
      space.await();
      ensureOpen();
      b = open.get(tp);
      if (b != null && !b.builder.hasRoomFor(recordBytes)) {
        seal(b);
        b = null;
      }
    }
    return b;
  }

  private void added(ProducerBatch b, SendCallback callback) {
    b.add(callback);
    unacknowledged++;
    if (b.builder.sizeInBytes() >= config.batchBytes()) seal(b);
    if (senderWaiting && (lingerNanos == 0 || !sealed.isEmpty())) work.signal();
  }

  private void seal(ProducerBatch b) {
    open.remove(b.partition);
    sealed.addLast(b);
    Integer s = sticky.get(b.partition.topic());
    if (s != null && s == b.partition.partition()) {
      int n = partitionsByTopic.get(b.partition.topic()).length;
      if (n > 1) {
        int next = ThreadLocalRandom.current().nextInt(n - 1);
        sticky.put(b.partition.topic(), next >= s ? next + 1 : next);
      }
    }
  }

  private void runSender() {
    List<ProducerBatch> drained = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        while (true) {
          if (aborted) return;
          long now = engine.time().nanos();
          long nextDeadline = Long.MAX_VALUE;
          boolean sealAll = closing || flushRequests > 0 || lingerNanos == 0;
          Iterator<ProducerBatch> it = open.values().iterator();
          while (it.hasNext()) {
            ProducerBatch b = it.next();
            if (sealAll || now - b.createdNanos >= lingerNanos) {
              it.remove();
              sealed.addLast(b);
            } else {
              nextDeadline = Math.min(nextDeadline, b.createdNanos + lingerNanos);
            }
          }
          if (!sealed.isEmpty()) {
            drained.addAll(sealed);
            sealed.clear();
            break;
          }
          if (closing) return;
          senderWaiting = true;
          try {
            if (nextDeadline == Long.MAX_VALUE) {
              work.await();
            } else {
              work.awaitNanos(Math.max(1, nextDeadline - now));
            }
          } catch (InterruptedException e) {
            if (aborted || closing) {
              Thread.currentThread().interrupt();
              return;
            }
          } finally {
            senderWaiting = false;
          }
        }
      } finally {
        lock.unlock();
      }
      for (ProducerBatch b : drained) {
        if (aborted) {
          complete(b, -1, new EngineClosedException("producer aborted"));
        } else {
          sendBatch(b);
        }
      }
      lock.lock();
      try {
        buffered -= drained.size();
        for (ProducerBatch b : drained) {
          if (pool.size() < config.maxBufferedBatches()) pool.addLast(b.builder);
        }
        space.signalAll();
      } finally {
        lock.unlock();
      }
      drained.clear();
    }
  }

  private void sendBatch(ProducerBatch b) {
    TopicPartition tp = b.partition;
    int seq = -1;
    if (producerId >= 0) seq = sequences.getOrDefault(tp, 0);
    ByteBuffer buf = b.builder.build(producerId, (short) (producerId >= 0 ? 0 : -1), seq);
    PartitionLog log;
    try {
      log = engine.partition(tp);
    } catch (RuntimeException e) {
      complete(b, -1, e);
      return;
    }
    AppendResult r;
    int attempt = 0;
    while (true) {
      try {
        r = log.append(b.builder);
        break;
      } catch (IOException e) {
        if (attempt++ < config.retries() && !aborted) continue;
        complete(b, -1, new LogException(tp + ": append failed after " + attempt + " attempt(s)", e));
        return;
      } catch (RuntimeException e) {
        complete(b, -1, e);
        return;
      }
    }
    if (producerId >= 0) sequences.put(tp, seq + b.count);
    long base = r.baseOffset();
    if (waitForFlush) {
      log.whenFlushed(r.lastOffset(), error -> complete(b, base, error));
    } else {
      complete(b, base, null);
    }
  }

  private void complete(ProducerBatch b, long baseOffset, Throwable error) {
    for (int i = 0; i < b.count; i++) {
      try {
        b.callbacks[i].onCompletion(b.partition, error == null ? baseOffset + i : -1, error);
      } catch (RuntimeException ignored) {
        // a callback's failure must not stop the others
      }
    }
    lock.lock();
    try {
      unacknowledged -= b.count;
      if (unacknowledged == 0) idle.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends every held record now and waits until all records sent so far are acknowledged or failed.
   *
   * @return whether everything completed within {@code timeoutMillis}
   */
  public boolean flush(long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      flushRequests++;
      work.signal();
      long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (unacknowledged > 0 && !aborted && remaining > 0) remaining = idle.awaitNanos(remaining);
      return unacknowledged == 0;
    } finally {
      flushRequests--;
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closing || aborted) throw new EngineClosedException("producer " + producerId + " is closed");
    if (engine.isClosed()) throw new EngineClosedException("log engine is closed");
  }

  /**
   * Appends every held record, stops the sender thread and returns. Acknowledgements waiting for a
   * flush complete later (or fail when the engine closes). Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closing) return;
      closing = true;
      work.signal();
      space.signalAll();
    } finally {
      lock.unlock();
    }
    joinSender();
    engine.forget(this);
  }

  /** Crash: stops the sender without appending held records; their callbacks get an error. */
  void abort() {
    aborted = true;
    sender.interrupt();
    joinSender();
    List<ProducerBatch> left = new ArrayList<>();
    lock.lock();
    try {
      left.addAll(open.values());
      left.addAll(sealed);
      open.clear();
      sealed.clear();
      space.signalAll();
      idle.signalAll();
    } finally {
      lock.unlock();
    }
    for (ProducerBatch b : left) complete(b, -1, new EngineClosedException("engine crashed before the record was appended"));
    engine.forget(this);
  }

  private void joinSender() {
    if (Thread.currentThread() == sender) return;
    try {
      sender.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "LogProducer[" + producerId + "]";
  }
}
