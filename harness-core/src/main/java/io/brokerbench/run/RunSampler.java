package io.brokerbench.run;

import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.measure.ResourceSampler;
import io.brokerbench.results.RunPhase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Once a second of real time, for one run: interval histograms to the run's HdrHistogram log,
 * resource samples and a progress tick. Its own daemon thread; owns the latency recorders' totals
 * until stopped. Anything it throws fails the run ({@link RunMeasurements#fail}).
 */
final class RunSampler extends Thread {
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final WorkloadRun.Spec spec;
  private final RunMeasurements m;
  private final RunWindow window;
  private final Timeline timeline;
  private final ResourceSampler resources;
  private final RunClock clock;
  private final ProgressListener progress;
  private final RunHooks hooks;
  private volatile boolean running = true;

  RunSampler(WorkloadRun.Spec spec, RunMeasurements m, RunWindow window, Timeline timeline, ResourceSampler resources,
      RunClock clock, ProgressListener progress, RunHooks hooks) {
    super("bb-sampler");
    setDaemon(true);
    this.spec = spec;
    this.m = m;
    this.window = window;
    this.timeline = timeline;
    this.resources = resources;
    this.clock = clock;
    this.progress = progress;
    this.hooks = hooks;
  }

  @Override
  public void run() {
    Path logFile = spec.histogramLog();
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
      int tick = 0;
      long next = System.nanoTime() + INTERVAL_NANOS;
      while (true) {
        long wait = next - System.nanoTime();
        if (wait > 0 && running) {
          synchronized (this) {
            if (running) wait(Math.max(1, wait / 1_000_000));
          }
          continue;
        }
        tick(tick++, writer);
        next += INTERVAL_NANOS;
        if (!running) break;
      }
    } catch (IOException e) {
      progress.message("histogram log " + logFile + " could not be written: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      m.fail("sampler: " + WorkloadRun.describe(e));
    } finally {
      if (log != null) log.close();
    }
  }

  private void tick(int tick, HistogramLogWriter writer) {
    hooks.beforeSample(tick);
    long now = clock.nanoTime();
    RunPhase phase = timeline.phaseAt(now - INTERVAL_NANOS);
    long[] lastSecond = m.meter.count((int) Math.max(0, (now - window.startNanos()) / INTERVAL_NANOS - 1));
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
    long phaseStart = Math.min(now, timeline.beginNanos(phase));
    double planned = switch (phase) {
      case WARMUP -> seconds(window.measureStartNanos() - window.startNanos());
      case MEASURE -> window.isCounted() ? -1 : seconds(window.measureEndNanos() - window.measureStartNanos());
      case DRAIN, TEARDOWN -> spec.workload().timing().drainTimeout().toNanos() / 1e9;
    };
    progress.tick(new RunProgress(spec.label(), spec.workload().name(), phase.json(), seconds(now - phaseStart), planned,
        lastSecond[0], lastSecond[2], m.publishResponse.totalPercentileMicros(99), m.endToEndResponse.totalPercentileMicros(99)));
  }

  /** Takes a last sample and ends the thread; waits up to 5 s for it. Idempotent. */
  void stopAndJoin() throws InterruptedException {
    if (!running) return;
    running = false;
    synchronized (this) {
      notifyAll();
    }
    join(5000);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
