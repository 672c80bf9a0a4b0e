package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.FileAccess;
import io.brokerbench.commons.storage.FileSystemStorage;
import io.brokerbench.commons.storage.Storage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A log broker in the Kafka model, in process: topics of partitions, each an append-only segmented
 * log ({@link PartitionLog}); producers ({@link LogProducer}), consumers ({@link LogConsumer}) and
 * consumer groups ({@link GroupCoordinator}) with committed offsets in an internal log; share groups
 * ({@link ShareGroupCoordinator}, {@link ShareConsumer}) whose members take records one by one.
 *
 * <h2>Directory layout</h2>
 * <pre>
 * dataDir/.lock                                  exclusive lock: one engine per directory
 * dataDir/&lt;topic&gt;-&lt;partition&gt;/&lt;20-digit base offset&gt;.log|.index|.timeindex
 * dataDir/__consumer_offsets-0/...               committed offsets (see OffsetStore)
 * </pre>
 * A topic's partition count is the number of its partition directories.
 *
 * <h2>Threads</h2>
 * One daemon scheduler thread ({@code log-engine-scheduler}) runs the periodic flush (for {@code
 * fsync interval}), retention, and every second the share groups' record lock timeouts. Producers own a sender thread each. Everything is stopped by
 * {@link #close()} (clean: flushes and writes indexes) or {@link #crash()} (nothing flushed).
 *
 * <h2>Thread-safety</h2>
 * All public methods are thread-safe.
 */
public final class LogEngine implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogEngine.class.getName());

  private final Path dataDirectory;
  private final LogConfig config;
  private final Storage storage;
  private final Time time;
  private final Closeable dirLock;
  private final Map<String, PartitionLog[]> topics = new ConcurrentHashMap<>();
  private final Map<String, Integer> topicSizes = new ConcurrentHashMap<>();
  private final Map<String, Integer> topicSizesView = Collections.unmodifiableMap(topicSizes);
  private final OffsetStore offsetStore;
  private final GroupCoordinator coordinator;
  private final ShareGroupCoordinator shareGroups;
  private final AtomicLong producerIds = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private final Set<AutoCloseable> clients = ConcurrentHashMap.newKeySet();
  private final Object topicLock = new Object();
  private volatile boolean closed;

  private LogEngine(Path dataDirectory, LogConfig config, Storage storage, Time time) throws IOException {
    this.dataDirectory = dataDirectory;
    this.config = config;
    this.storage = storage;
    this.time = time;
    storage.createDirectories(dataDirectory);
    this.dirLock = storage.lock(dataDirectory.resolve(".lock"));
    List<PartitionLog> opened = new ArrayList<>();
    try {
      Map<String, TreeMap<Integer, Path>> found = new TreeMap<>();
      for (Path p : storage.list(dataDirectory)) {
        String name = p.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || name.startsWith(".")) continue;
        String topic = name.substring(0, dash);
        int partition;
        try {
          partition = Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (topic.equals(OffsetStore.TOPIC)) continue;
        found.computeIfAbsent(topic, t -> new TreeMap<>()).put(partition, p);
      }
      long maxPid = -1;
      for (Map.Entry<String, TreeMap<Integer, Path>> e : found.entrySet()) {
        int count = e.getValue().lastKey() + 1;
        if (e.getValue().size() != count) {
          throw new LogException("topic " + e.getKey() + " in " + dataDirectory + " has partition directories "
              + e.getValue().keySet() + "; expected 0.." + (count - 1));
        }
        PartitionLog[] logs = new PartitionLog[count];
        for (int i = 0; i < count; i++) {
          TopicPartition tp = new TopicPartition(e.getKey(), i);
          logs[i] = PartitionLog.open(tp, dataDirectory.resolve(tp.directoryName()), storage, config, time);
          opened.add(logs[i]);
          maxPid = Math.max(maxPid, logs[i].maxProducerId());
        }
        topics.put(e.getKey(), logs);
        topicSizes.put(e.getKey(), count);
      }
      producerIds.set(Math.max(maxPid + 1, time.millis() << 8));
      TopicPartition offsetsTp = new TopicPartition(OffsetStore.TOPIC, 0);
      LogConfig offsetsConfig = config.withSegmentBytes(Math.min(config.segmentBytes(), 4 << 20)).withRetention(null, -1)
          .withCompaction(false, config.tombstoneRetention());
      PartitionLog offsetsLog = PartitionLog.open(offsetsTp, dataDirectory.resolve(offsetsTp.directoryName()), storage, offsetsConfig, time);
      opened.add(offsetsLog);
      this.offsetStore = new OffsetStore(offsetsLog, time);
    } catch (IOException | RuntimeException e) {
      for (PartitionLog l : opened) l.crash();
      closeQuietly(dirLock);
      throw e;
    }
    this.coordinator = new GroupCoordinator(() -> topicSizesView, offsetStore, time);
    this.shareGroups = new ShareGroupCoordinator(() -> topicSizesView, this::partition, time);
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "log-engine-scheduler");
      t.setDaemon(true);
      return t;
    });
    s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    s.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    this.scheduler = s;
    if (config.fsync().mode() == FsyncPolicy.Mode.INTERVAL) {
      long ms = config.fsync().interval().toMillis();
      scheduler.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    if (config.retentionTime() != null || config.retentionBytes() >= 0 || config.compact()) {
      long ms = config.retentionCheckInterval().toMillis();
      scheduler.scheduleWithFixedDelay(this::retentionQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    scheduler.scheduleWithFixedDelay(this::expireShareLocksQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Opens (recovering) or creates an engine in {@code dataDirectory} on the real file system, its
   * files read and written through channels ({@link FileAccess#CHANNEL}): consumers read a segment in
   * parallel with the append.
   */
  public static LogEngine open(Path dataDirectory, LogConfig config) throws IOException {
    return open(dataDirectory, config, new FileSystemStorage(FileAccess.CHANNEL), Time.SYSTEM);
  }

  /**
   * Opens (recovering) or creates an engine.
   *
   * @throws IOException when the directory is locked by another engine or cannot be read
   */
  public static LogEngine open(Path dataDirectory, LogConfig config, Storage storage, Time time) throws IOException {
    return new LogEngine(dataDirectory, config, storage, time);
  }

  public LogConfig config() {
    return config;
  }

  public Time time() {
    return time;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Creates a topic with {@code partitions} partitions; does nothing when it exists with that many.
   *
   * @throws IllegalArgumentException when it exists with another partition count, or the name is
   *     reserved ({@code __} prefix) or illegal
   * @throws InsufficientDiskSpaceException when the disk is too full for its first segments
   */
  public void createTopic(String topic, int partitions) throws IOException {
    Topics.validateName(topic);
    if (topic.startsWith("__")) throw new IllegalArgumentException("topic names starting with __ are reserved, was " + topic);
    if (partitions < 1 || partitions > 10_000) {
      throw new IllegalArgumentException("partitions must be in [1, 10000], was " + partitions);
    }
    synchronized (topicLock) {
      ensureOpen();
      PartitionLog[] existing = topics.get(topic);
      if (existing != null) {
        if (existing.length != partitions) {
          throw new IllegalArgumentException("topic " + topic + " exists with " + existing.length + " partitions, asked for " + partitions);
        }
        return;
      }
      PartitionLog[] logs = new PartitionLog[partitions];
      try {
        for (int i = 0; i < partitions; i++) {
          TopicPartition tp = new TopicPartition(topic, i);
          logs[i] = PartitionLog.open(tp, dataDirectory.resolve(tp.directoryName()), storage, config, time);
        }
      } catch (IOException | RuntimeException e) {
        for (PartitionLog l : logs) if (l != null) l.crash();
        throw e;
      }
      topics.put(topic, logs);
      topicSizes.put(topic, partitions);
    }
    coordinator.topicsChanged();
    shareGroups.topicsChanged();
  }

  /** Topic names and partition counts (internal topics excluded), a live read-only view. */
  public Map<String, Integer> topics() {
    return topicSizesView;
  }

  /** Partition count of {@code topic}. @throws IllegalArgumentException when it does not exist */
  public int partitionCount(String topic) {
    Integer n = topicSizes.get(topic);
    if (n == null) throw new IllegalArgumentException("no topic " + topic);
    return n;
  }

  /** The log of one partition. @throws IllegalArgumentException when it does not exist */
  public PartitionLog partition(TopicPartition tp) {
    PartitionLog[] logs = topics.get(tp.topic());
    if (logs == null) throw new IllegalArgumentException("no topic " + tp.topic());
    if (tp.partition() >= logs.length) {
      throw new IllegalArgumentException("topic " + tp.topic() + " has " + logs.length + " partitions, no " + tp.partition());
    }
    return logs[tp.partition()];
  }

  public GroupCoordinator groups() {
    return coordinator;
  }

  /** Share groups (KIP-932): members taking records of the same partitions record by record. */
  public ShareGroupCoordinator shareGroups() {
    return shareGroups;
  }

  /** A fresh idempotent producer id, never handed out before by an engine on this directory. */
  long nextProducerId() {
    return producerIds.getAndIncrement();
  }

  /** Creates a producer; it is closed with the engine. */
  public LogProducer producer(ProducerConfig producerConfig) {
    ensureOpen();
    LogProducer p = new LogProducer(this, producerConfig);
    clients.add(p);
    return p;
  }

  /** Creates a consumer; it is closed with the engine. */
  public LogConsumer consumer(ConsumerConfig consumerConfig) {
    ensureOpen();
    LogConsumer c = new LogConsumer(this, consumerConfig);
    clients.add(c);
    return c;
  }

  /** Creates a share group member (KIP-932); it is closed with the engine. */
  public ShareConsumer shareConsumer(ShareConsumerConfig shareConsumerConfig) {
    ensureOpen();
    ShareConsumer c = new ShareConsumer(this, shareConsumerConfig);
    clients.add(c);
    return c;
  }

  void forget(AutoCloseable client) {
    clients.remove(client);
  }

  /** Forces every partition (what the interval flusher does). */
  public void flush() throws IOException {
    for (PartitionLog[] logs : topics.values()) {
      for (PartitionLog l : logs) l.flush();
    }
    offsetStore.log().flush();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      if (!closed) LOG.log(System.Logger.Level.WARNING, "flush failed in " + dataDirectory, e);
    }
  }

  /**
   * Applies retention to every partition now (the scheduler does it every {@code
   * retentionCheckInterval}).
   *
   * @return segments deleted
   */
  public int applyRetention() throws IOException {
    int deleted = 0;
    long now = time.millis();
    for (PartitionLog[] logs : topics.values()) {
      for (PartitionLog l : logs) deleted += l.applyRetention(now);
    }
    return deleted;
  }

  /**
   * Compacts every partition now when {@code compact} is configured (the scheduler does it every
   * {@code retentionCheckInterval}); does nothing otherwise.
   *
   * @return segments rewritten
   */
  public int compact() throws IOException {
    if (!config.compact()) return 0;
    int rewritten = 0;
    long now = time.millis();
    for (PartitionLog[] logs : topics.values()) {
      for (PartitionLog l : logs) rewritten += l.compact(now);
    }
    return rewritten;
  }

  private void retentionQuietly() {
    try {
      applyRetention();
      compact();
    } catch (IOException | RuntimeException e) {
      if (!closed) LOG.log(System.Logger.Level.WARNING, "retention failed in " + dataDirectory, e);
    }
  }

  private void expireShareLocksQuietly() {
    try {
      shareGroups.expireLocks();
    } catch (RuntimeException e) {
      if (!closed) LOG.log(System.Logger.Level.WARNING, "expiring share group record locks failed in " + dataDirectory, e);
    }
  }

  OffsetStore offsetStore() {
    return offsetStore;
  }

  private void ensureOpen() {
    if (closed) throw new EngineClosedException("log engine on " + dataDirectory + " is closed");
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Closes producers (sending what they hold) and consumers (leaving their groups), stops the
   * scheduler, forces and closes every log and releases the directory lock. Idempotent.
   */
  @Override
  public void close() {
    synchronized (topicLock) {
      if (closed) return;
      for (AutoCloseable c : new ArrayList<>(clients)) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.log(System.Logger.Level.WARNING, "closing " + c + " failed", e);
        }
      }
      closed = true;
    }
    scheduler.shutdownNow();
    awaitScheduler();
    for (PartitionLog[] logs : topics.values()) {
      for (PartitionLog l : logs) {
        try {
          l.close();
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "closing " + l + " failed", e);
        }
      }
    }
    try {
      offsetStore.log().close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the offsets log failed", e);
    }
    closeQuietly(dirLock);
  }

  /**
   * Simulates a process crash: stops every engine, producer and consumer thread, and drops every
   * file handle and the directory lock without flushing or writing indexes. Pending acknowledgements
   * fail. Bytes already written stay wherever the storage had them (page cache for the real file
   * system; a power-loss double may then discard what was not forced).
   */
  public void crash() {
    synchronized (topicLock) {
      if (closed) return;
      closed = true;
    }
    scheduler.shutdownNow();
    for (PartitionLog[] logs : topics.values()) {
      for (PartitionLog l : logs) l.crash();
    }
    offsetStore.log().crash();
    for (AutoCloseable c : new ArrayList<>(clients)) {
      if (c instanceof LogProducer p) p.abort();
      if (c instanceof LogConsumer k) k.abort();
      if (c instanceof ShareConsumer k) k.abort();
    }
    awaitScheduler();
    closeQuietly(dirLock);
  }

  private void awaitScheduler() {
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "log engine scheduler did not stop within 10s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // releasing on the way out; nothing else to do
    }
  }

  @Override
  public String toString() {
    return "LogEngine[" + dataDirectory + ", topics=" + topicSizes + "]";
  }
}
