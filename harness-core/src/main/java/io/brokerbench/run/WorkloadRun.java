package io.brokerbench.run;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.measure.ResourceSampler;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.ResourcesRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.TargetInfoRecord;
import io.brokerbench.results.ThroughputRecord;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.ConsumerSpec;
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
import java.util.concurrent.atomic.AtomicReference;
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

  /**
   * @param clock the clock producers, waits and latencies use
   * @param progress where progress goes
   * @param stopRequested polled while the run waits; true ends it as interrupted
   */
  public WorkloadRun(RunClock clock, ProgressListener progress, BooleanSupplier stopRequested) {
    this.clock = clock;
    this.progress = progress;
    this.stopRequested = stopRequested;
  }

  public RunResult execute(Spec spec) {
    Instant startedAt = Instant.now();
    Workload w = spec.workload();
    Target target = spec.target();
    TargetInfo info = null;
    try {
      info = target.open();
      TopologyPlan plan = Plans.of(spec.planId(), w);
      Optional<String> unsupported = target.supports(plan);
      if (unsupported.isPresent()) {
        return emptyResult(spec, info, RunStatus.UNSUPPORTED, unsupported.get(), startedAt);
      }
      target.declare(plan);
      return measure(spec, target, info, plan, startedAt);
    } catch (Exception | LinkageError e) {
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
    AtomicReference<String> failure = new AtomicReference<>();
    ResourceSampler resources = new ResourceSampler(target.processIds(), spec.workDirectory());
    Map<String, Double> phases = new LinkedHashMap<>();
    Sampler sampler = null;
    RunStatus status = RunStatus.OK;
    try {
      for (int s = 0; s < plan.subscriptionCount(); s++) {
        for (int c = 0; c < plan.consumersPerSubscription(); c++) {
          consumers.add(target.createConsumer(new ConsumerSpec(s, c, plan.prefetch(), plan.ackMode()),
              new DeliveryRecorder(s, m, clock, runTag, w.consumers().processing().toNanos(), plan.ackMode())));
        }
      }
      for (int p = 0; p < producers; p++) targetProducers.add(target.createProducer(p));

      long start = clock.nanoTime();
      long measureStart = start + w.warmup().toNanos();
      long measureEnd = w.isCounted() ? Long.MAX_VALUE : measureStart + w.duration().toNanos();
      long[] quota = w.isCounted() ? splitEvenly(w.count(), producers) : new long[0];
      RunWindow window = new RunWindow(start, measureStart, measureEnd, quota);
      phases.put("warmup", 0.0);
      phases.put("measure", seconds(measureStart - start));

      long confirmTimeout = Math.max(w.drainTimeout().toNanos(), TimeUnit.SECONDS.toNanos(5));
      List<ProducerTask> tasks = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        tasks.add(new ProducerTask(p, producers, targetProducers.get(p), plan, m, window,
            RateSchedule.of(start, w.producers().rate().perSecond(), producers, p), w.producers().maxInFlight(), clock,
            w.messages().sizeBytes(), runTag, confirmTimeout));
      }
      sampler = new Sampler(spec, m, window, resources, spec.histogramLog());
      sampler.start();
      for (ProducerTask task : tasks) {
        Thread t = new Thread(() -> {
          try {
            task.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception | LinkageError e) {
            failure.compareAndSet(null, describe(e));
            tasks.forEach(ProducerTask::requestStop);
          }
        }, "bb-producer-" + threads.size());
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        while (t.isAlive()) {
          t.join(100);
          if (stopRequested.getAsBoolean()) {
            tasks.forEach(ProducerTask::requestStop);
            status = RunStatus.INTERRUPTED;
          }
        }
      }
      long drainStart = clock.nanoTime();
      phases.put("drain", seconds(drainStart - start));
      sampler.drainStartNanos = drainStart;
      if (failure.get() == null && status == RunStatus.OK) {
        long deadline = drainStart + w.drainTimeout().toNanos();
        clock.awaitCondition(() -> stopRequested.getAsBoolean()
            || (tasks.stream().allMatch(t -> t.inFlight().inFlight() == 0) && m.ledger.pending() == 0), deadline);
        if (stopRequested.getAsBoolean()) status = RunStatus.INTERRUPTED;
      }
      phases.put("teardown", seconds(clock.nanoTime() - start));
      if (failure.get() != null) status = RunStatus.FAILED;
      sampler.stopAndJoin();
      return result(spec, info, plan, status, failure.get(), startedAt, phases, m, window, resources, sampler.series());
    } finally {
      if (sampler != null) sampler.stopAndJoin();
      for (Thread t : threads) t.interrupt();
      for (TargetConsumer c : consumers) closeQuietly(c);
      for (TargetProducer p : targetProducers) closeQuietly(p);
    }
  }

  private RunResult result(Spec spec, TargetInfo info, TopologyPlan plan, RunStatus status, String error, Instant startedAt,
      Map<String, Double> phases, RunMeasurements m, RunWindow window, ResourceSampler resources, List<SecondSample> series) {
    Workload w = spec.workload();
    long measureStart = window.measureStartNanos();
    // A counted or cut-short window ends with its last measured send.
    boolean cut = window.isCounted() || status == RunStatus.INTERRUPTED;
    long sendEnd = cut ? Math.max(m.lastMeasuredSentAt.get(), measureStart + 1) : window.measureEndNanos();
    double confirmSeconds = seconds(Math.max(sendEnd, m.lastMeasuredConfirmAt.get()) - measureStart);
    double consumeSeconds = seconds(Math.max(sendEnd, m.lastMeasuredConsumedAt.get()) - measureStart);
    double confirmedPerSec = m.measuredConfirmed.sum() / confirmSeconds;
    double consumedPerSec = m.measuredConsumed.sum() / consumeSeconds;
    boolean maxRate = w.producers().rate().isMax();
    double offered = maxRate ? confirmedPerSec : w.producers().rate().perSecond();
    double deliveriesPerMessage = averageRoutedSubscriptions(m, plan);
    boolean saturated = !maxRate && (confirmedPerSec < 0.95 * offered
        || (deliveriesPerMessage > 0 && consumedPerSec < 0.95 * offered * deliveriesPerMessage));
    int size = w.messages().sizeBytes();
    ThroughputRecord throughput = new ThroughputRecord(offered, confirmedPerSec, consumedPerSec,
        confirmedPerSec * size, consumedPerSec * size, saturated, series);
    LatencyRecord latency = new LatencyRecord(
        new LatencyPair(m.publishService.summary(), m.publishResponse.summary()),
        new LatencyPair(m.endToEndService.summary(), m.endToEndResponse.summary()));
    return new RunResult(spec.label(), infoRecord(info), w.name(), spec.repetition(), status, error,
        startedAt.toString(), Instant.now().toString(), phases, throughput, latency, m.ledger.orderingRecord(),
        m.ledger.deliveryRecord(), new ResourcesRecord(resources.processes(), resources.bytesWritten()),
        relativeHistogramLog(spec));
  }

  private static double averageRoutedSubscriptions(RunMeasurements m, TopologyPlan plan) {
    int variants = plan.variants().size();
    int routed = 0;
    for (int v = 0; v < variants; v++) {
      for (int s = 0; s < plan.subscriptionCount(); s++) if (m.ledger.routes(s, v)) routed++;
    }
    return (double) routed / variants;
  }

  private RunResult emptyResult(Spec spec, TargetInfo info, RunStatus status, String error, Instant startedAt) {
    return new RunResult(spec.label(), infoRecord(info), spec.workload().name(), spec.repetition(), status, error,
        startedAt.toString(), Instant.now().toString(), Map.of(), null, null, null, null, null, null);
  }

  private static TargetInfoRecord infoRecord(TargetInfo info) {
    return info == null ? null
        : new TargetInfoRecord(info.name(), info.version(), info.mode().name().toLowerCase(Locale.ROOT), info.settings());
  }

  private static String relativeHistogramLog(Spec spec) {
    Path log = spec.histogramLog();
    return log == null ? null : log.getParent().getFileName() + "/" + log.getFileName();
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
      sb.append(msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg);
      if (t.getCause() == t) break;
    }
    return sb.toString();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Best effort during teardown; the target's close() releases what is left.
    }
  }

  /**
   * Once a second: the throughput series, interval histograms to the log, resource samples and a
   * progress tick. Its own thread; owns the latency recorders' totals until stopped.
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
    private List<SecondSample> series = List.of();

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
      } finally {
        if (log != null) log.close();
      }
    }

    private void tick(int second, HistogramLogWriter writer) {
      long now = clock.nanoTime();
      long secondStart = now - SAMPLE_INTERVAL_NANOS;
      String currentPhase = secondStart >= drainStartNanos ? "drain"
          : secondStart < window.measureStartNanos() ? "warmup" : "measure";
      SecondSample sample = m.meter.sample(second, currentPhase);
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
      series = m.meter.series();
      double planned = window.isCounted() ? -1 : seconds(window.measureEndNanos() - window.startNanos());
      progress.tick(new RunProgress(spec.label(), spec.workload().name(), currentPhase, seconds(now - window.startNanos()),
          planned, sample.sent(), sample.consumed(), m.publishResponse.totalPercentileMicros(99),
          m.endToEndResponse.totalPercentileMicros(99)));
    }

    List<SecondSample> series() {
      return series;
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
