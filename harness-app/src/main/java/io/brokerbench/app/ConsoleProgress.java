package io.brokerbench.app;

import io.brokerbench.metrics.Unit;
import io.brokerbench.results.RunPhase;
import io.brokerbench.results.RunResult;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.RunProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on the console: on a terminal one live line rewritten in place; otherwise a plain line
 * every {@value #PLAIN_EVERY_SECONDS} seconds. Thread-safe.
 */
final class ConsoleProgress implements ProgressListener {
  private static final int PLAIN_EVERY_SECONDS = 5;
  private final PrintWriter err;
  private final boolean live;
  private String runLabel = "";
  private int lastLength;
  private int ticks;

  ConsoleProgress(PrintWriter err, boolean live) {
    this.err = err;
    this.live = live;
  }

  @Override
  public synchronized void runStarted(String target, String workload, int repetition, int index, int total) {
    clear();
    runLabel = String.format(Locale.ROOT, "[%d/%d] %s × %s rep %d", index, total, target, workload, repetition);
    ticks = 0;
    err.println(runLabel + " starting");
    err.flush();
  }

  @Override
  public synchronized void tick(RunProgress p) {
    String line = String.format(Locale.ROOT, "%s  %-7s %s  %,9d msg/s sent  %,9d msg/s consumed  p99 publish %s e2e %s",
        runLabel, p.phase(), phaseTime(p), p.sentLastSecond(), p.consumedLastSecond(), Unit.micros(p.publishP99Micros()),
        Unit.micros(p.endToEndP99Micros()));
    if (live) {
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
      err.flush();
    } else if (ticks++ % PLAIN_EVERY_SECONDS == 0) {
      err.println(line);
      err.flush();
    }
  }

  @Override
  public synchronized void runFinished(RunResult r) {
    clear();
    String detail = r.error() == null ? "" : ": " + r.error();
    err.println(runLabel + " " + r.status().json() + detail);
    err.flush();
  }

  @Override
  public synchronized void message(String line) {
    clear();
    err.println("  " + line);
    err.flush();
  }

  synchronized void clear() {
    if (live && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }

  /** {@code 2s/3s}; a phase past its plan says by how much ({@code 3s/3s +58s late}); the drain's plan is a bound. */
  static String phaseTime(RunProgress p) {
    double elapsed = p.elapsedSeconds();
    double planned = p.plannedSeconds();
    if (planned < 0) return String.format(Locale.ROOT, "%4.0fs", elapsed);
    if (p.phase().equals(RunPhase.DRAIN.json())) return String.format(Locale.ROOT, "%4.0fs (up to %.0fs)", elapsed, planned);
    if (elapsed <= planned + 0.5) return String.format(Locale.ROOT, "%4.0fs/%.0fs", elapsed, planned);
    return String.format(Locale.ROOT, "%4.0fs/%.0fs +%.0fs late", planned, planned, elapsed - planned);
  }
}
