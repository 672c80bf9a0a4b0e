package io.brokerbench.benchmarks.log;

import io.brokerbench.engine.log.Acks;
import io.brokerbench.engine.log.ConsumerConfig;
import io.brokerbench.engine.log.FsyncPolicy;
import io.brokerbench.engine.log.LogConfig;
import io.brokerbench.engine.log.LogConsumer;
import io.brokerbench.engine.log.LogEngine;
import io.brokerbench.engine.log.LogProducer;
import io.brokerbench.engine.log.ProducerConfig;
import io.brokerbench.engine.log.SendCallback;
import io.brokerbench.engine.log.TopicPartition;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100-byte records appended through a {@link LogProducer} and read back in process by a {@link
 * LogConsumer} on another thread: one operation is one record that has gone both ways.
 *
 * <p>Each invocation sends {@value #RECORDS} records (partition chosen by key, Kafka's partitioner)
 * and returns once the consumer has read every one of them, so the rate counts only records read
 * back; the producer cannot run ahead unmeasured. Acks after write, no fsync (the engine defaults).
 *
 * <p>How it could lie: the consumer thread and the producer's sender thread compete with the
 * benchmark thread for the machine's cores (2 here), as they would in the embedded harness; the
 * records are never inspected beyond their offsets (a harness listener does more work). The check
 * that every record came back is exact: the invocation fails after 60 s otherwise.
 *
 * <p>Disk use stays bounded by size retention (at most about 256 MiB per partition) and the
 * directory is deleted after the trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class LogEndToEndBenchmark {
  static final int RECORDS = 200_000;

  @Param({"100"})
  public int recordBytes;

  @Param({"4"})
  public int partitions;

  private java.nio.file.Path dir;
  private LogEngine engine;
  private LogProducer producer;
  private Thread consumerThread;
  private final AtomicLong consumed = new AtomicLong();
  private volatile boolean running;
  private long sent;
  private byte[] value;
  private byte[][] keys;
  private static final SendCallback IGNORE = (tp, offset, error) -> {
    if (error != null) throw new IllegalStateException("send failed", error);
  };

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = BenchFiles.freshDirectory("bb-log-e2e-");
    LogConfig config = LogConfig.defaults().withSegmentBytes(64 << 20).withFsync(FsyncPolicy.never())
        .withRetention(null, 192L << 20).withMinFreeDiskBytes(1L << 30);
    engine = LogEngine.open(dir, config);
    engine.createTopic("bench", partitions);
    producer = engine.producer(ProducerConfig.defaults().withBatchBytes(64 << 10).withLinger(Duration.ofMillis(1))
        .withAcks(Acks.AFTER_WRITE));
    value = new byte[recordBytes];
    keys = new byte[64][];
    for (int i = 0; i < keys.length; i++) keys[i] = ("key-" + i).getBytes();
    LogConsumer consumer = engine.consumer(ConsumerConfig.defaults("bench").withAutoCommit(false).withMaxPollRecords(10_000));
    consumer.subscribe(List.of("bench"));
    running = true;
    consumerThread = new Thread(() -> {
      while (running) {
        int n = consumer.poll(Duration.ofMillis(50), r -> { });
        if (n > 0) consumed.addAndGet(n);
      }
      consumer.close();
    }, "bench-consumer");
    consumerThread.start();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    running = false;
    consumerThread.join(10_000);
    engine.close();
    BenchFiles.deleteRecursively(dir);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long produceAndConsume() throws InterruptedException {
    long ts = System.currentTimeMillis();
    for (int i = 0; i < RECORDS; i++) {
      producer.send("bench", -1, keys[i & 63], value, 0, value.length, ts, IGNORE);
    }
    sent += RECORDS;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (consumed.get() < sent) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("consumer read " + consumed.get() + " of " + sent + " records within 60s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(50_000);
    }
    return consumed.get();
  }
}
