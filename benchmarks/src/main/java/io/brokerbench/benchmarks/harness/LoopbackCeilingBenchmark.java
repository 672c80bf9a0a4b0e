package io.brokerbench.benchmarks.harness;

import io.brokerbench.loopback.LoopbackProvider;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The harness's ceiling: the whole runner (schedule, envelope, in-flight window, ledger, ordering,
 * four latency recorders, per-second series) driving loopback with 1 producer and 1 consumer,
 * 100-byte messages at max rate. One operation = one message sent, confirmed, delivered and acked.
 *
 * <p>How it could lie: each invocation includes starting and draining a run (a few milliseconds
 * against ~{@value #MESSAGES} messages), which slightly understates the steady rate; and loopback
 * shares the JVM with the harness, as every embedded target does. The invocation fails loudly if
 * any message is lost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class LoopbackCeilingBenchmark {
  static final int MESSAGES = 1_000_000;
  private Path dir;
  private Workload workload;
  private int invocation;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("bb-ceiling");
    workload = new Workload("ceiling", new Workload.Topology(1, 1, Routing.DIRECT, List.of(Binding.ofKeys(List.of("")))),
        new Workload.Producers(1, Rate.max(), 1000), new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(1, 1, 1000, AckMode.MANUAL, Duration.ZERO),
        Timing.ofCount(Duration.ZERO, MESSAGES, Duration.ofSeconds(30)), "");
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public RunResult endToEnd() {
    LoopbackProvider provider = new LoopbackProvider();
    String id = "ceiling-" + invocation++;
    Target target = provider.create(new TargetContext(id, dir, System::nanoTime, s -> {}), Settings.defaults(provider.settings()));
    RunResult r = new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("loopback", target, workload, 1, id, dir, null));
    if (r.status() != RunStatus.OK || r.delivery().lost() != 0 || r.delivery().delivered() != MESSAGES) {
      throw new IllegalStateException("ceiling run went wrong: " + r.status() + " " + r.error() + " " + r.delivery());
    }
    return r;
  }
}
