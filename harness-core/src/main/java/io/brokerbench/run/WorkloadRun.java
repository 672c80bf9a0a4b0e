package io.brokerbench.run;

import io.brokerbench.distribution.Seeds;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.measure.ResourceSampler;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.PartitionRecord;
import io.brokerbench.results.RunPhase;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs one workload against one target once: provision → declare → start consumers → warm-up →
 * measured window → producers stop → drain → teardown, and turns what was recorded into a {@link
 * RunResult}.
 *
 * <p>A target that fails to open or dies midway yields status {@code failed} with the reason; a
 * workload it cannot do, {@code unsupported}; a stop request (Ctrl-C), {@code interrupted} with the
 * figures so far. The target is always closed. Not thread-safe: one run at a time.
 */
public final class WorkloadRun {
  /** What to run. */
  public record Spec(String label, Target target, Workload workload, int repetition, String planId, Path workDirectory,
      Path histogramLog) {}


  private final RunClock clock;
  private final ProgressListener progress;
  private final BooleanSupplier stopRequested;
  private final RunHooks hooks;

  /**
   * @param clock the clock producers, waits and latencies use
   * @param progress where progress goes
   * @param stopRequested polled while the run waits; true ends it as interrupted
   */
  public WorkloadRun(RunClock clock, ProgressListener progress, BooleanSupplier stopRequested) {
    this(clock, progress, stopRequested, RunHooks.NONE);
  }

  /** As above, with failure-injection points for tests. */
  public WorkloadRun(RunClock clock, ProgressListener progress, BooleanSupplier stopRequested, RunHooks hooks) {
    this.clock = clock;
    this.progress = progress;
    this.stopRequested = stopRequested;
    this.hooks = hooks;
  }

  /**
   * Runs the spec; never throws. Any exception or {@link Error} in any thread the run owns fails the
   * run with the reason; a stop request, even while the target opens or a producer waits, ends it
   * as interrupted within a few seconds.
   */
  public RunResult execute(Spec spec) {
    Instant startedAt = Instant.now();
    Workload w = spec.workload();
    Target target = spec.target();
    TargetInfo info = null;
    try {
      info = StoppableCall.call("opening the target", target::open, stopRequested);
      TopologyPlan plan = Plans.of(spec.planId(), w);
      Optional<String> unsupported = target.supports(plan);
      if (unsupported.isPresent()) {
        return emptyResult(spec, info, RunStatus.UNSUPPORTED, unsupported.get(), startedAt);
      }
      StoppableCall.call("declaring the topology", () -> {
        target.declare(plan);
        return null;
      }, stopRequested);
      return measure(spec, target, info, plan, startedAt);
    } catch (StoppableCall.StoppedException e) {
      return emptyResult(spec, info, RunStatus.INTERRUPTED, e.getMessage(), startedAt);
    } catch (Throwable e) {
      return emptyResult(spec, info, RunStatus.FAILED, describe(e), startedAt);
    } finally {
      try {
        target.close();
      } catch (RuntimeException e) {
        progress.message("closing " + spec.label() + " failed: " + describe(e));
      }
    }
  }

  private RunResult measure(Spec spec, Target target, TargetInfo info, TopologyPlan plan, Instant startedAt) throws Exception {
    Workload w = spec.workload();
    int producers = w.producers().count();
    long runTag = Envelope.runTag(spec.planId());
    RunMeasurements m = new RunMeasurements(plan, producers);
    List<TargetConsumer> consumers = new ArrayList<>();
    List<ConsumerTally> tallies = new ArrayList<>();
    List<TargetProducer> targetProducers = new ArrayList<>();
    ResourceSampler resources = new ResourceSampler(target.processIds(), spec.workDirectory());
    RunSampler sampler = null;
    ProducerThreads producerThreads = null;
    AutoCloseable removals = null;
    try {
      for (int s = 0; s < plan.subscriptionCount(); s++) {
        for (int c = 0; c < plan.consumersPerSubscription(); c++) {
          ConsumerTally tally = new ConsumerTally(s, c);
          DeliveryRecorder recorder = new DeliveryRecorder(s, m, clock, runTag, w.consumers().processing().of(c),
              Seeds.random(w.seed(), "processing", s, c),
              new RejectDecider(w.consumers().reject(), Seeds.random(w.seed(), "reject", s, c)), plan.ackMode(), hooks,
              tally);
          consumers.add(target.createConsumer(new ConsumerSpec(s, c, plan.prefetch(), plan.ackMode(), plan.mode()),
              recorder));
          tallies.add(tally);
        }
      }
      for (int p = 0; p < producers; p++) targetProducers.add(target.createProducer(p));
      removals = target.watchRemovals((s, payload, length, reason) -> {
        if (Envelope.isOfRun(payload, length, runTag)) m.ledger.onRemoved(s, Envelope.messageId(payload), reason);
      });

      long start = clock.nanoTime();
      Timing timing = w.timing();
      long measureStart = start + timing.warmup().toNanos();
      long measureEnd = timing.isCounted() ? Long.MAX_VALUE : measureStart + timing.duration().toNanos();
      long[] quota = timing.isCounted() ? splitEvenly(timing.count(), producers) : new long[0];
      RunWindow window = new RunWindow(start, measureStart, measureEnd, quota);
      Timeline timeline = new Timeline(start);
      timeline.begin(RunPhase.MEASURE, measureStart);
      m.begin(window);

      long confirmTimeout = Math.max(timing.drainTimeout().toNanos(), TimeUnit.SECONDS.toNanos(5));
      ProducerTask.Shared shared = new ProducerTask.Shared(producers, plan, m, window, clock, hooks,
          w.producers().maxInFlight(), w.messages().sizeBytes(), runTag, confirmTimeout);
      List<ProducerTask> tasks = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        RateSchedule schedule = RateSchedule.of(start, w.producers().rate().perSecond(), producers, p,
            w.producers().arrivals(), Seeds.random(w.seed(), "arrivals", p));
        KeyChooser keys = new KeyChooser(w.messages().keyChoice(), w.messages().keys(), Seeds.random(w.seed(), "keys", p));
        PayloadFiller filler = new PayloadFiller(w.messages().content(), Seeds.random(w.seed(), "content", p));
        tasks.add(new ProducerTask(p, targetProducers.get(p), schedule, keys, filler, shared));
      }
      sampler = new RunSampler(spec, m, window, timeline, resources, clock, progress, hooks);
      sampler.start();
      producerThreads = new ProducerThreads(tasks, m, stopRequested);
      producerThreads.start();
      boolean stopped = producerThreads.awaitEnd();

      long sendEnd = clock.nanoTime();
      timeline.begin(RunPhase.DRAIN, sendEnd);
      // A counted window, or one cut short, ends with the sending: its counts are those of now.
      boolean windowEndsWithSending = window.isCounted() || stopped || m.failure() != null;
      WindowCounts.Snapshot counts = windowEndsWithSending ? m.window.snapshot() : null;
      if (!stopped && m.failure() == null) {
        ProducerThreads all = producerThreads;
        clock.awaitCondition(() -> stopRequested.getAsBoolean() || m.failure() != null
            || (all.allConfirmed() && m.ledger.pending() == 0), sendEnd + timing.drainTimeout().toNanos());
      }
      long teardown = clock.nanoTime();
      timeline.begin(RunPhase.TEARDOWN, teardown);
      sampler.stopAndJoin();
      // The ledger and the rates are read once nothing can reach them any more.
      closeQuietly(removals);
      removals = null;
      consumers.forEach(WorkloadRun::closeQuietly);
      targetProducers.forEach(WorkloadRun::closeQuietly);
      timeline.end(clock.nanoTime());
      if (counts == null) counts = m.window.snapshot();
      double windowSeconds = windowEndsWithSending
          ? Math.max(sendEnd - measureStart, 1) / 1e9
          : timing.duration().toNanos() / 1e9;
      List<PartitionRecord> partitionRecords = partitionRecords(plan, tasks);
      List<ConsumerRecord> consumerRecords = new ArrayList<>();
      for (int i = 0; i < consumers.size(); i++) consumerRecords.add(tallies.get(i).record(teardown - start, consumers.get(i)));
      return ResultAssembler.assemble(spec, info, plan, outcome(m), m,
          new ResultAssembler.MeasuredWindow(counts, windowSeconds, producerThreads.lagsAtWindowEndNanos(windowEndsWithSending)),
          timeline, resources, consumerRecords, partitionRecords, startedAt);
    } finally {
      if (sampler != null) sampler.stopAndJoin();
      if (producerThreads != null) producerThreads.interrupt();
      closeQuietly(removals);
      for (TargetConsumer c : consumers) closeQuietly(c);
      for (TargetProducer p : targetProducers) closeQuietly(p);
    }
  }

  /**
   * How the run ended. A failure in any thread the run owns, up to the consumers' close, fails it,
   * unless the user stopped it: a stop (Ctrl-C also stops the brokers the harness started) explains
   * what broke after it.
   */
  private ResultAssembler.Outcome outcome(RunMeasurements m) {
    String failure = m.failure();
    if (stopRequested.getAsBoolean()) {
      return new ResultAssembler.Outcome(RunStatus.INTERRUPTED,
          "stopped by the user" + (failure == null ? "" : "; meanwhile " + failure));
    }
    return failure == null ? new ResultAssembler.Outcome(RunStatus.OK, null) : new ResultAssembler.Outcome(RunStatus.FAILED, failure);
  }

  private RunResult emptyResult(Spec spec, TargetInfo info, RunStatus status, String error, Instant startedAt) {
    return RunResult.withoutFigures(spec.label(), ResultAssembler.infoRecord(info), spec.workload().name(), spec.repetition(),
        status, error, startedAt.toString(), Instant.now().toString());
  }

  /** What the producers sent to each destination and partition, summed; read once their threads have ended. */
  private static List<PartitionRecord> partitionRecords(TopologyPlan plan, List<ProducerTask> tasks) {
    long[] sent = new long[plan.destinations() * plan.partitions()];
    for (ProducerTask t : tasks) {
      long[] own = t.sentByPartition();
      for (int i = 0; i < sent.length; i++) sent[i] += own[i];
    }
    List<PartitionRecord> out = new ArrayList<>();
    for (int i = 0; i < sent.length; i++) out.add(new PartitionRecord(i / plan.partitions(), i % plan.partitions(), sent[i]));
    return out;
  }

  static long[] splitEvenly(long total, int parts) {
    long[] out = new long[parts];
    for (int i = 0; i < parts; i++) out[i] = total / parts + (i < total % parts ? 1 : 0);
    return out;
  }

  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (sb.length() > 0) sb.append(": ");
      String msg = t.getMessage();
      String name = t.getClass().getSimpleName();
      if (msg == null || msg.isBlank()) {
        sb.append(name);
      } else {
        // An Error (out of memory, stack overflow) is named: its message alone says little.
        sb.append(t instanceof Error ? name + ": " + msg : msg);
      }
      if (t.getCause() == t) break;
    }
    return sb.toString();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) return;
    try {
      c.close();
    } catch (Exception e) {
      // Best effort during teardown; the target's close() releases what is left.
    }
  }
}
