package io.brokerbench.benchmarks.queue;

import io.brokerbench.engine.queue.ConsumerOptions;
import io.brokerbench.engine.queue.EngineConfig;
import io.brokerbench.engine.queue.MessageProperties;
import io.brokerbench.engine.queue.QueueEngine;
import io.brokerbench.engine.queue.QueueOptions;
import io.brokerbench.engine.queue.Session;
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
 * Transient messages of 100 bytes, one producer → one queue → one auto-ack consumer, in-process.
 *
 * <p>What it isolates: the engine's publish path (routing through the default exchange, enqueue,
 * assignment) and its delivery path (session hand-off, settlement, handler call), with a real
 * consumer thread. How it could lie: publishing into a queue nobody drains measures only the
 * enqueue; so the producer never runs more than {@code backlog} messages ahead of the consumer,
 * and the figure that counts is {@code consumed} (the aux counter: deliveries that reached the
 * handler, per second), not the primary score (publishes). The teardown fails the run when the
 * two drift apart by more than the backlog, or when the handler saw a body of the wrong size.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransientThroughput -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class TransientThroughputBenchmark {
  @Param("100")
  int messageBytes;

  /** Most messages published and not yet handed to the consumer. */
  @Param("8192")
  int backlog;

  @Param("1024")
  int prefetch;

  private QueueEngine engine;
  private Session session;
  private byte[] body;
  private final AtomicLong consumed = new AtomicLong();
  private volatile long wrongSize;
  private long published;
  private long cpuAtIterationStart;
  private long consumedAtIterationStart;
  private long nanosAtIterationStart;

  @Setup(Level.Iteration)
  public void markIteration() {
    cpuAtIterationStart = ProcessCpu.nanos();
    consumedAtIterationStart = consumed.get();
    nanosAtIterationStart = System.nanoTime();
  }

  /** CPU per message shows what the rate would be on idle cores, whatever else the machine runs. */
  @TearDown(Level.Iteration)
  public void reportIteration() {
    long cpu = ProcessCpu.nanos() - cpuAtIterationStart;
    long n = consumed.get() - consumedAtIterationStart;
    double wall = (System.nanoTime() - nanosAtIterationStart) / 1e9;
    System.out.printf("%n  %d consumed, process CPU %.0f ns per message, %.2f cores busy%n", n, n == 0 ? 0.0 : (double) cpu / n,
        cpu / 1e9 / wall);
  }

  @Setup(Level.Trial)
  public void open() throws Exception {
    engine = QueueEngine.open(EngineConfig.inMemory().withClock(System::currentTimeMillis, 0));
    engine.declareQueue("q", QueueOptions.transientQueue());
    body = new byte[messageBytes];
    session = engine.openSession(0);
    session.consume("q", ConsumerOptions.autoAck(prefetch), d -> {
      if (d.body().length != messageBytes) wrongSize++;
      consumed.lazySet(consumed.get() + 1);
    });
  }

  @TearDown(Level.Trial)
  public void close() {
    long lag = published - consumed.get();
    session.close();
    engine.close();
    if (wrongSize != 0) throw new IllegalStateException(wrongSize + " deliveries had a body of the wrong size");
    if (lag < 0 || lag > backlog) throw new IllegalStateException("consumer lag " + lag + " outside [0, " + backlog + "]");
  }

  /** Consumer-side count: deliveries handed to the handler during the iteration. */
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
  public void publishAndConsume(Consumed counter) {
    long done = consumed.get();
    if (counter.start < 0) counter.start = done;
    // Backlog full: wait for the consumer, yielding so a spinning producer does not take the core
    // the consumer needs (on a machine with more runnable threads than cores).
    for (int spins = 0; published - done >= backlog; spins++) {
      if (spins < 64) Thread.onSpinWait(); else Thread.yield();
      done = consumed.get();
    }
    engine.publish("", "q", MessageProperties.TRANSIENT, body, false);
    published++;
    counter.consumed = done - counter.start;
  }
}
