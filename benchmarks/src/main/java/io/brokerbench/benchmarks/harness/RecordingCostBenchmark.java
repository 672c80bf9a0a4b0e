package io.brokerbench.benchmarks.harness;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.measure.DeliveryLedger;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the harness spends per message on recording, piece by piece, single-threaded.
 *
 * <p>Each benchmark isolates one step of the hot path: writing the envelope (producer), reading it
 * (consumer), recording a latency, and the ledger's full cycle for one message (sent, confirmed,
 * delivered with the ordering check, acked). {@code baseline} is the loop and the blackhole alone.
 * Run with {@code -prof gc}: every step but {@code envelopeWriteWithPayload} (which allocates the
 * payload, as a producer must) should show about 0 B/op. How it could lie: the ledger touches ids
 * in order, so its byte array stays in cache; a real run interleaves producers and consumers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RecordingCostBenchmark {
  private final byte[] buffer = new byte[100];
  private long id;
  private LatencyRecorder recorder;
  private DeliveryLedger ledger;

  @Setup(Level.Iteration)
  public void setUp() {
    recorder = new LatencyRecorder("bench");
    TopologyPlan plan = new TopologyPlan("bench", Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of(""))),
        ConsumerPlan.partitioned(1, 100, AckMode.MANUAL), 1, List.of(new MessageVariant("", Map.of())));
    ledger = new DeliveryLedger(plan, 1);
    id = 0;
    Envelope.write(buffer, 42L, 1, 0, 0, 0, 0, 1, 2);
  }

  @Benchmark
  public void baseline(Blackhole bh) {
    bh.consume(id++);
  }

  @Benchmark
  public void envelopeWrite(Blackhole bh) {
    long i = id++;
    Envelope.write(buffer, 42L, 1, 0, 0, i, i, i, i);
    bh.consume(buffer);
  }

  @Benchmark
  public byte[] envelopeWriteWithPayload() {
    long i = id++;
    byte[] payload = new byte[100];
    Envelope.write(payload, 42L, 1, 0, 0, i, i, i, i);
    return payload;
  }

  @Benchmark
  public void envelopeRead(Blackhole bh) {
    bh.consume(Envelope.isOfRun(buffer, buffer.length, 42L));
    bh.consume(Envelope.messageId(buffer));
    bh.consume(Envelope.producer(buffer));
    bh.consume(Envelope.key(buffer));
    bh.consume(Envelope.sequence(buffer));
    bh.consume(Envelope.intendedNanos(buffer));
    bh.consume(Envelope.actualNanos(buffer));
  }

  @Benchmark
  public void latencyRecord() {
    recorder.record(1_000 + (id++ & 0xffff));
  }

  @Benchmark
  public void ledgerFullCycle(Blackhole bh) {
    long i = id++;
    ledger.onSent(0, i);
    ledger.onConfirmed(i);
    bh.consume(ledger.onDelivery(0, i, 0, 0, i, false));
    ledger.onAcked(0, i);
  }
}
