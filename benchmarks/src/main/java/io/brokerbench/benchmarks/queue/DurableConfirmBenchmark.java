package io.brokerbench.benchmarks.queue;

import io.brokerbench.engine.queue.ConsumerOptions;
import io.brokerbench.engine.queue.EngineConfig;
import io.brokerbench.engine.queue.FsyncPolicy;
import io.brokerbench.engine.queue.JournalStats;
import io.brokerbench.engine.queue.MessageProperties;
import io.brokerbench.engine.queue.QueueEngine;
import io.brokerbench.engine.queue.QueueOptions;
import io.brokerbench.engine.queue.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Persistent 100-byte messages on a durable queue with {@code fsync: always}: 8 publisher threads,
 * each with at most 128 messages waiting for their confirm, and one consumer that acknowledges
 * every message (manual ack, which writes its remove record through to the file).
 *
 * <p>What it isolates: group commit. Every confirm waits for a force of the journal; the disk
 * manages a few thousand forces per second, so the rate only goes beyond that when one force
 * covers many publishers' records. How it could lie: confirms without a consumer (publishing into
 * an unbounded queue) or forces that do not reach the device. So the figures that count are the
 * aux counters: {@code acked} (consumer acks per second), {@code confirmed} (confirms per second)
 * and {@code fsyncs} (journal forces per second), measured in the same run; messages per fsync is
 * {@code confirmed / fsyncs}, printed per iteration as well. Publishers never run more than
 * {@code backlog} messages ahead of the consumer. The journal lives in a temporary directory on
 * the default file system ({@code -Djava.io.tmpdir} to move it), deleted after the run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DurableConfirm -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Threads(8)
public class DurableConfirmBenchmark {
  @Param("100")
  int messageBytes;

  @Param("128")
  int inFlightPerPublisher;

  @Param("8192")
  int backlog;

  @Param("always")
  String fsync;

  private Path directory;
  private QueueEngine engine;
  private Session session;
  private byte[] body;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong confirmed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicInteger threadIds = new AtomicInteger();
  private JournalStats iterationStart;
  private long confirmedAtIterationStart;
  private long ackedAtIterationStart;
  private long cpuAtIterationStart;
  private long nanosAtIterationStart;

  @Setup(Level.Trial)
  public void open() throws Exception {
    directory = Files.createTempDirectory("queue-engine-bench");
    engine = QueueEngine.open(EngineConfig.onDisk(directory, FsyncPolicy.parse(fsync))
        .withClock(System::currentTimeMillis, 0));
    engine.declareQueue("q", QueueOptions.durableQueue());
    body = new byte[messageBytes];
    session = engine.openSession(0);
    session.consume("q", ConsumerOptions.manualAck(1024), d -> {
      d.ack();
      acked.lazySet(acked.get() + 1);
    });
  }

  @Setup(Level.Iteration)
  public void markIteration() {
    iterationStart = engine.journalStats();
    confirmedAtIterationStart = confirmed.get();
    ackedAtIterationStart = acked.get();
    cpuAtIterationStart = ProcessCpu.nanos();
    nanosAtIterationStart = System.nanoTime();
  }

  @TearDown(Level.Iteration)
  public void reportIteration() {
    JournalStats now = engine.journalStats();
    long fsyncs = now.fsyncs() - iterationStart.fsyncs();
    long confirms = confirmed.get() - confirmedAtIterationStart;
    long acks = acked.get() - ackedAtIterationStart;
    double wall = (System.nanoTime() - nanosAtIterationStart) / 1e9;
    long cpu = ProcessCpu.nanos() - cpuAtIterationStart;
    long forceNanos = now.forceNanos() - iterationStart.forceNanos();
    System.out.printf("%n  %.0f acked/s, %.0f confirmed/s, %.0f fsyncs/s, %.1f messages per fsync, mean fsync %.0f us,"
            + " %d bytes written, process CPU %.0f ns per message%n", acks / wall, confirms / wall, fsyncs / wall,
        fsyncs == 0 ? 0.0 : (double) confirms / fsyncs, fsyncs == 0 ? 0.0 : forceNanos / 1e3 / fsyncs,
        now.bytesWritten() - iterationStart.bytesWritten(), acks == 0 ? 0.0 : (double) cpu / acks);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    session.close();
    engine.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    if (failed.get() != 0) throw new IllegalStateException(failed.get() + " publishes failed");
  }

  /** One publisher thread's window of unconfirmed messages. */
  @State(Scope.Thread)
  public static class Publisher {
    Semaphore window;

    @Setup(Level.Trial)
    public void open(DurableConfirmBenchmark b) {
      window = new Semaphore(b.inFlightPerPublisher);
    }
  }

  /**
   * Rates over the iteration, reported by the first publisher thread only (every thread sees the
   * same engine-wide counts; JMH sums aux counters across threads).
   */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Rates {
    public long acked;
    public long confirmed;
    public long fsyncs;
    boolean reporter;
    long calls;
    long ackedStart;
    long confirmedStart;
    long fsyncStart;

    @Setup(Level.Trial)
    public void role(DurableConfirmBenchmark b) {
      reporter = b.threadIds.getAndIncrement() == 0;
    }

    @Setup(Level.Iteration)
    public void reset(DurableConfirmBenchmark b) {
      acked = 0;
      confirmed = 0;
      fsyncs = 0;
      ackedStart = b.acked.get();
      confirmedStart = b.confirmed.get();
      fsyncStart = b.engine.journalStats().fsyncs();
    }
  }

  @Benchmark
  public void publishPersistent(Publisher p, Rates rates) throws InterruptedException {
    for (int spins = 0; published.get() - acked.get() >= backlog; spins++) {
      if (spins < 64) Thread.onSpinWait(); else Thread.yield();
    }
    p.window.acquire();
    published.incrementAndGet();
    engine.publish("", "q", MessageProperties.PERSISTENT, body, false).whenComplete((v, e) -> {
      p.window.release();
      if (e == null) confirmed.incrementAndGet(); else failed.incrementAndGet();
    });
    // Refreshed every 64 publishes, so reading the journal's counters costs the publishers little.
    if (rates.reporter && (++rates.calls & 63) == 0) {
      rates.acked = acked.get() - rates.ackedStart;
      rates.confirmed = confirmed.get() - rates.confirmedStart;
      rates.fsyncs = engine.journalStats().fsyncs() - rates.fsyncStart;
    }
  }
}
