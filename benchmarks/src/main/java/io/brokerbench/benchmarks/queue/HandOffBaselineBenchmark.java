package io.brokerbench.benchmarks.queue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Baseline beside {@link TransientThroughputBenchmark}: the same shape (one producer thread
 * copying a 100-byte body, one consumer thread, at most {@code backlog} in between) through a
 * plain {@link ArrayBlockingQueue} with no broker at all. The ratio of the two {@code consumed}
 * rates is what routing, queue bookkeeping, prefetch and settlement cost; on a loaded machine the
 * ratio is steadier than either figure.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'TransientThroughput|HandOffBaseline' -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class HandOffBaselineBenchmark {
  @Param("100")
  int messageBytes;

  @Param("8192")
  int backlog;

  private ArrayBlockingQueue<byte[]> queue;
  private byte[] body;
  private final AtomicLong consumed = new AtomicLong();
  private volatile boolean running;
  private Thread consumer;

  @Setup(Level.Trial)
  public void open() {
    queue = new ArrayBlockingQueue<>(backlog);
    body = new byte[messageBytes];
    running = true;
    consumer = new Thread(() -> {
      while (running) {
        try {
          byte[] b = queue.poll(10, TimeUnit.MILLISECONDS);
          if (b != null) consumed.lazySet(consumed.get() + 1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "baseline-consumer");
    consumer.setDaemon(true);
    consumer.start();
  }

  @TearDown(Level.Trial)
  public void close() throws InterruptedException {
    running = false;
    consumer.join(5_000);
  }

  /** Consumer-side count: messages taken off the queue during the iteration. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Consumed {
    public long consumed;
    long start = -1;

    @Setup(Level.Iteration)
    public void reset() {
      consumed = 0;
      start = -1;
    }
  }

  @Benchmark
  public void handOff(Consumed counter) throws InterruptedException {
    long done = consumed.get();
    if (counter.start < 0) counter.start = done;
    queue.put(body.clone());
    counter.consumed = consumed.get() - counter.start;
  }
}
