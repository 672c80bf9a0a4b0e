package io.brokerbench.run;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.measure.ResourceSampler;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.measure.SampleSufficiency;
import io.brokerbench.measure.SaturationRule;
import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.ResourcesRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.TargetInfoRecord;
import io.brokerbench.results.ThroughputRecord;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

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

  private static final long SAMPLE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

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
    List<TargetProducer> targetProducers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    ResourceSampler resources = new ResourceSampler(target.processIds(), spec.workDirectory());
    Map<String, Double> phases = new LinkedHashMap<>();
    Sampler sampler = null;
    AutoCloseable removals = null;
    RunStatus status = RunStatus.OK;
    try {
      for (int s = 0; s < plan.subscriptionCount(); s++) {
        for (int c = 0; c < plan.consumersPerSubscription(); c++) {
          consumers.add(target.createConsumer(new ConsumerSpec(s, c, plan.prefetch(), plan.ackMode()),
              new DeliveryRecorder(s, m, clock, runTag, w.consumers().processing().toNanos(), plan.ackMode(), hooks)));
        }
      }
      for (int p = 0; p < producers; p++) targetProducers.add(target.createProducer(p));
      removals = target.watchRemovals((s, payload, length, reason) -> {
        if (Envelope.isOfRun(payload, length, runTag)) m.ledger.onRemoved(s, Envelope.messageId(payload), reason);
      });

      long start = clock.nanoTime();
      long measureStart = start + w.warmup().toNanos();
      long measureEnd = w.isCounted() ? Long.MAX_VALUE : measureStart + w.duration().toNanos();
      long[] quota = w.isCounted() ? splitEvenly(w.count(), producers) : new long[0];
      RunWindow window = new RunWindow(start, measureStart, measureEnd, quota);
      m.begin(window);
      phases.put("warmup", 0.0);
      phases.put("measure", seconds(measureStart - start));

      long confirmTimeout = Math.max(w.drainTimeout().toNanos(), TimeUnit.SECONDS.toNanos(5));
      List<ProducerTask> tasks = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        tasks.add(new ProducerTask(p, producers, targetProducers.get(p), plan, m, window,
            RateSchedule.of(start, w.producers().rate().perSecond(), producers, p), w.producers().maxInFlight(), clock,
            w.messages().sizeBytes(), runTag, confirmTimeout, hooks));
      }
      sampler = new Sampler(spec, m, window, resources, spec.histogramLog());
      sampler.start();
      for (ProducerTask task : tasks) {
        Thread t = new Thread(() -> {
          try {
            task.run();
          } catch (Throwable e) {
            // A send cut short by the stop request is not a failure of the target.
            if (!stopRequested.getAsBoolean()) m.fail(producerFailure(task, e));
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
          }
        }, "bb-producer-" + threads.size());
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      boolean stopping = false;
      for (Thread t : threads) {
        while (t.isAlive()) {
          t.join(100);
          boolean stop = stopRequested.getAsBoolean();
          if (stop) status = RunStatus.INTERRUPTED;
          if ((stop || m.failure() != null) && !stopping) {
            // Producers may be blocked on a confirm or on their next slot: interrupt the waits.
            stopping = true;
            tasks.forEach(ProducerTask::requestStop);
            threads.forEach(Thread::interrupt);
          }
        }
      }
      long sendEnd = clock.nanoTime();
      // A counted window, or one cut short, ends with the sending: its counts are those of now.
      boolean windowEndsWithSending = window.isCounted() || status != RunStatus.OK || m.failure() != null;
      WindowCounts.Snapshot counts = windowEndsWithSending ? m.window.snapshot() : null;
      phases.put("drain", seconds(sendEnd - start));
      sampler.drainStartNanos = sendEnd;
      if (m.failure() == null && status == RunStatus.OK) {
        long deadline = sendEnd + w.drainTimeout().toNanos();
        clock.awaitCondition(() -> stopRequested.getAsBoolean() || m.failure() != null
            || (tasks.stream().allMatch(t -> t.inFlight().inFlight() == 0) && m.ledger.pending() == 0), deadline);
        if (stopRequested.getAsBoolean()) status = RunStatus.INTERRUPTED;
      }
      long teardown = clock.nanoTime();
      phases.put("teardown", seconds(teardown - start));
      sampler.stopAndJoin();
      // The ledger and the rates are read once nothing can reach them any more.
      closeQuietly(removals);
      removals = null;
      consumers.forEach(WorkloadRun::closeQuietly);
      targetProducers.forEach(WorkloadRun::closeQuietly);
      // A failure in any thread the run owns, up to the consumers' close, fails the run, unless the
      // user stopped it: a stop (Ctrl-C also stops the brokers the harness started) explains what
      // broke after it.
      String error = m.failure();
      if (stopRequested.getAsBoolean()) {
        status = RunStatus.INTERRUPTED;
        error = "stopped by the user" + (error == null ? "" : "; meanwhile " + error);
      } else if (error != null) {
        status = RunStatus.FAILED;
      }
      if (counts == null) counts = m.window.snapshot();
      double windowSeconds = windowEndsWithSending ? seconds(Math.max(sendEnd - measureStart, 1)) : w.duration().toNanos() / 1e9;
      long[] lags = new long[producers];
      for (int p = 0; p < producers; p++) lags[p] = tasks.get(p).lagAtWindowEndNanos(windowEndsWithSending);
      long drainStart = sendEnd;
      List<SecondSample> series = m.meter.series(teardown,
          t -> t < measureStart ? "warmup" : t < drainStart ? "measure" : "drain");
      return result(spec, info, plan, status, error, startedAt, phases, m, counts, windowSeconds, lags, resources,
          series);
    } finally {
      if (sampler != null) sampler.stopAndJoin();
      for (Thread t : threads) t.interrupt();
      closeQuietly(removals);
      for (TargetConsumer c : consumers) closeQuietly(c);
      for (TargetProducer p : targetProducers) closeQuietly(p);
    }
  }

  /** Why a producer failed: its first send error, when one came before, then what stopped it. */
  private static String producerFailure(ProducerTask task, Throwable e) {
    String firstSendError = task.firstSendError();
    return "producer " + task.index() + ": "
        + (firstSendError == null ? describe(e) : "send failed: " + firstSendError + " (then: " + describe(e) + ")");
  }

  private RunResult result(Spec spec, TargetInfo info, TopologyPlan plan, RunStatus status, String error, Instant startedAt,
      Map<String, Double> phases, RunMeasurements m, WindowCounts.Snapshot counts, double windowSeconds, long[] lagNanos,
      ResourceSampler resources, List<SecondSample> series) {
    Workload w = spec.workload();
    double confirmedPerSec = counts.confirmed() / windowSeconds;
    double consumedPerSec = counts.deliveredTotal() / windowSeconds;
    boolean maxRate = w.producers().rate().isMax();
    double offered = maxRate ? confirmedPerSec : w.producers().rate().perSecond();
    List<SaturationRecord> saturation = List.of();
    if (!maxRate) {
      double[] lagSeconds = new double[lagNanos.length];
      for (int p = 0; p < lagNanos.length; p++) lagSeconds[p] = seconds(lagNanos[p]);
      int subscriptions = plan.subscriptionCount();
      double[] offeredFraction = new double[subscriptions];
      long[] backlogGrowth = new long[subscriptions];
      for (int s = 0; s < subscriptions; s++) {
        offeredFraction[s] = routedFraction(m, plan, s);
        backlogGrowth[s] = counts.expected()[s] - counts.delivered()[s];
      }
      saturation = SaturationRule.judge(windowSeconds, offered, lagSeconds, offeredFraction, backlogGrowth);
    }
    int size = w.messages().sizeBytes();
    ThroughputRecord throughput = new ThroughputRecord(offered, confirmedPerSec, consumedPerSec,
        confirmedPerSec * size, consumedPerSec * size, windowSeconds, !saturation.isEmpty(), saturation, series);
    LatencyRecord latency = new LatencyRecord(
        new LatencyPair(m.publishService.summary(), m.publishResponse.summary()),
        new LatencyPair(m.endToEndService.summary(), m.endToEndResponse.summary()));
    List<String> warnings = status == RunStatus.OK
        ? SampleSufficiency.warnings(windowSeconds, latency.publish().response().count()) : List.of();
    return new RunResult(spec.label(), infoRecord(info), w.name(), spec.repetition(), status, error,
        startedAt.toString(), Instant.now().toString(), phases, throughput, latency, m.ledger.orderingRecord(),
        m.ledger.deliveryRecord(), new ResourcesRecord(resources.processes(), resources.bytesWritten()),
        relativeHistogramLog(spec), warnings);
  }

  /** The fraction of messages routed to subscription {@code s} (messages cycle through the plan's variants). */
  private static double routedFraction(RunMeasurements m, TopologyPlan plan, int s) {
    int variants = plan.variants().size();
    int routed = 0;
    for (int v = 0; v < variants; v++) if (m.ledger.routes(s, v)) routed++;
    return (double) routed / variants;
  }

  private RunResult emptyResult(Spec spec, TargetInfo info, RunStatus status, String error, Instant startedAt) {
    return new RunResult(spec.label(), infoRecord(info), spec.workload().name(), spec.repetition(), status, error,
        startedAt.toString(), Instant.now().toString(), Map.of(), null, null, null, null, null, null);
  }

  private static TargetInfoRecord infoRecord(TargetInfo info) {
    if (info == null) return null;
    Guarantee g = info.guarantee();
    GuaranteeRecord guarantee = new GuaranteeRecord(g.confirmedWhen().id(), g.replicas(), g.brokerKill().id(),
        g.powerLoss().id(), g.basis(), g.summary());
    return new TargetInfoRecord(info.name(), info.version(), info.mode().name().toLowerCase(Locale.ROOT), info.settings(),
        guarantee);
  }

  /** The log's path relative to the results folder: {@code histograms/<target>/<workload>-r<n>.hlog}. */
  private static String relativeHistogramLog(Spec spec) {
    Path log = spec.histogramLog();
    if (log == null) return null;
    int n = log.getNameCount();
    return n < 3 ? log.getFileName().toString() : log.subpath(n - 3, n).toString().replace('\\', '/');
  }

  static long[] splitEvenly(long total, int parts) {
    long[] out = new long[parts];
    for (int i = 0; i < parts; i++) out[i] = total / parts + (i < total % parts ? 1 : 0);
    return out;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
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

  /**
   * Once a second: interval histograms to the log, resource samples and a progress tick. Its own thread; owns the latency recorders' totals until stopped.
   */
  private final class Sampler extends Thread {
    private final Spec spec;
    private final RunMeasurements m;
    private final RunWindow window;
    private final ResourceSampler resources;
    private final Path logFile;
    private volatile boolean running = true;
    /** When the drain began on the run clock; {@link Long#MAX_VALUE} before. */
    volatile long drainStartNanos = Long.MAX_VALUE;

    Sampler(Spec spec, RunMeasurements m, RunWindow window, ResourceSampler resources, Path logFile) {
      super("bb-sampler");
      setDaemon(true);
      this.spec = spec;
      this.m = m;
      this.window = window;
      this.resources = resources;
      this.logFile = logFile;
    }

    @Override
    public void run() {
      PrintStream log = null;
      HistogramLogWriter writer = null;
      try {
        if (logFile != null) {
          Files.createDirectories(logFile.getParent());
          log = new PrintStream(Files.newOutputStream(logFile), false, "UTF-8");
          writer = new HistogramLogWriter(log);
          writer.outputComment("brokerbench " + spec.label() + " / " + spec.workload().name() + " rep " + spec.repetition()
              + "; values in nanoseconds");
          writer.outputLogFormatVersion();
          writer.outputStartTime(System.currentTimeMillis());
          writer.setBaseTime(System.currentTimeMillis());
          writer.outputLegend();
        }
        int second = 0;
        long next = System.nanoTime() + SAMPLE_INTERVAL_NANOS;
        while (true) {
          long wait = next - System.nanoTime();
          if (wait > 0 && running) {
            synchronized (this) {
              if (running) wait(Math.max(1, wait / 1_000_000));
            }
            continue;
          }
          tick(second++, writer);
          next += SAMPLE_INTERVAL_NANOS;
          if (!running) break;
        }
      } catch (IOException e) {
        progress.message("histogram log " + logFile + " could not be written: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        m.fail("sampler: " + describe(e));
      } finally {
        if (log != null) log.close();
      }
    }

    private void tick(int second, HistogramLogWriter writer) {
      hooks.beforeSample(second);
      long now = clock.nanoTime();
      long secondStart = now - SAMPLE_INTERVAL_NANOS;
      String currentPhase = secondStart >= drainStartNanos ? "drain"
          : secondStart < window.measureStartNanos() ? "warmup" : "measure";
      long[] lastSecond = m.meter.count((int) Math.max(0, (now - window.startNanos()) / SAMPLE_INTERVAL_NANOS - 1));
      long endMs = System.currentTimeMillis();
      synchronized (m) {
        for (LatencyRecorder r : m.recorders()) {
          Histogram h = r.takeInterval();
          if (writer != null && h.getTotalCount() > 0) {
            h.setTag(r.name());
            h.setStartTimeStamp(endMs - 1000);
            h.setEndTimeStamp(endMs);
            writer.outputIntervalHistogram(h);
          }
        }
      }
      resources.sample();
      // Time in the current phase, against the phase's planned length (-1 when open-ended).
      long phaseStart = switch (currentPhase) {
        case "warmup" -> window.startNanos();
        case "measure" -> window.measureStartNanos();
        default -> drainStartNanos;
      };
      double planned = switch (currentPhase) {
        case "warmup" -> seconds(window.measureStartNanos() - window.startNanos());
        case "measure" -> window.isCounted() ? -1 : seconds(window.measureEndNanos() - window.measureStartNanos());
        default -> spec.workload().drainTimeout().toNanos() / 1e9;
      };
      progress.tick(new RunProgress(spec.label(), spec.workload().name(), currentPhase, seconds(Math.max(0, now - phaseStart)),
          planned, lastSecond[0], lastSecond[2], m.publishResponse.totalPercentileMicros(99),
          m.endToEndResponse.totalPercentileMicros(99)));
    }

    void stopAndJoin() throws InterruptedException {
      if (!running) return;
      running = false;
      synchronized (this) {
        notifyAll();
      }
      join(5000);
    }
  }
}
