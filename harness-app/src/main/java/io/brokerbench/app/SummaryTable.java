package io.brokerbench.app;

import io.brokerbench.metrics.Metric;
import io.brokerbench.metrics.Unit;
import io.brokerbench.report.Guarantees;
import io.brokerbench.report.Saturation;
import io.brokerbench.results.PlannedRun;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table printed at the end of a run: one row per run; then why each saturated run could not keep
 * up, each target's guarantee, and a warning for every workload whose targets ran at different
 * guarantees.
 */
final class SummaryTable {
  private SummaryTable() {}

  /** The figures of a row, in order; each column's header and format come from its {@link Metric}. */
  static final List<Metric> FIGURES = List.of(
      Metric.CONFIRMED, Metric.CONSUMED, Metric.PUBLISH_P50, Metric.PUBLISH_P99, Metric.E2E_P50, Metric.E2E_P99,
      Metric.LOST, Metric.REMOVED, Metric.DUPLICATES, Metric.VIOLATIONS);

  static void print(PrintWriter out, ResultsDocument doc) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s %-18s %3s %-11s", "target", "workload", "rep", "status"));
    for (Metric m : FIGURES) header.append(' ').append(pad(m.compactLabel(), width(m)));
    out.println(header);
    out.println("-".repeat(header.length()));
    for (RunResult r : doc.runs()) {
      if (r.status() == RunStatus.FAILED || r.status() == RunStatus.UNSUPPORTED || r.throughput() == null) {
        out.printf(Locale.ROOT, "%-18s %-18s %3d %-11s %s%n", r.target(), r.workload(), r.repetition(), r.status().json(),
            r.error() == null ? "" : r.error());
        continue;
      }
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-18s %-18s %3d %-11s", r.target(), r.workload(),
          r.repetition(), r.status().json() + (Saturation.saturated(r) ? "*" : "")));
      for (Metric m : FIGURES) {
        Double value = m.of(r);
        row.append(' ').append(pad(value == null ? "-" : m.unit().compact(value), width(m)));
      }
      if (r.error() != null) row.append("  ").append(r.error());
      out.println(row);
    }
    out.println("latencies are response times (from the intended send time); lost, removed (by the target's own rules:"
        + " TTL, max length, delivery limit, rejected; never counted as lost), duplicates and violations (of ordering)"
        + " are counts");
    saturation(out, doc.runs());
    guarantees(out, doc.runs());
    for (RunResult r : doc.runs()) {
      for (String w : r.warnings()) out.printf(Locale.ROOT, "note: %s %s rep %d: %s%n", r.target(), r.workload(), r.repetition(), w);
    }
    List<PlannedRun> notRun = doc.notRun();
    if (!notRun.isEmpty()) {
      out.println(notRun.size() + " of " + doc.planned().size() + " planned runs did not run: " + String.join(", ",
          notRun.stream().map(p -> p.target() + " × " + p.workload() + " rep " + p.repetition()).toList()));
    }
  }

  /** A column's width: its header's, and at least enough for a rate in the millions or a latency such as 123.45ms. */
  private static int width(Metric m) {
    return Math.max(m.compactLabel().length(), m.unit() == Unit.COUNT ? 7 : 11);
  }

  private static String pad(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  private static void saturation(PrintWriter out, List<RunResult> runs) {
    List<RunResult> saturated = runs.stream().filter(Saturation::saturated).toList();
    if (saturated.isEmpty()) return;
    out.println("* saturated: " + Saturation.definition());
    for (RunResult r : saturated) {
      for (String reason : Saturation.reasons(r)) {
        out.printf(Locale.ROOT, "  %s %s rep %d: %s%n", r.target(), r.workload(), r.repetition(), reason);
      }
    }
  }

  private static void guarantees(PrintWriter out, List<RunResult> runs) {
    Map<String, List<String>> byTarget = new LinkedHashMap<>();
    Map<String, List<RunResult>> byWorkload = new LinkedHashMap<>();
    for (RunResult r : runs) {
      byWorkload.computeIfAbsent(r.workload(), w -> new ArrayList<>()).add(r);
      if (r.targetInfo() == null) continue;
      List<String> texts = byTarget.computeIfAbsent(r.target(), t -> new ArrayList<>());
      String text = Guarantees.text(r.targetInfo().guarantee());
      if (!texts.contains(text)) texts.add(text);
    }
    if (byTarget.isEmpty()) return;
    out.println("guarantee (what a confirm promised, from each target's applied settings):");
    byTarget.forEach((target, texts) -> out.println("  " + target + ": " + String.join(" / ", texts)));
    byWorkload.forEach((workload, workloadRuns) -> Guarantees.warning(workloadRuns)
        .ifPresent(w -> out.println("warning: workload " + workload + ": " + w)));
  }
}
