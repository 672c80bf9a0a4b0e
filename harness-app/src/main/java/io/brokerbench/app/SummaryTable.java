package io.brokerbench.app;

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

  static void print(PrintWriter out, ResultsDocument doc) {
    String header = String.format(Locale.ROOT, "%-18s %-18s %3s %-11s %11s %11s %9s %9s %9s %9s %7s %7s %6s %6s",
        "target", "workload", "rep", "status", "confirmed/s", "consumed/s", "pub p50", "pub p99", "e2e p50", "e2e p99",
        "lost", "removed", "dup", "order");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (RunResult r : doc.runs()) {
      if (r.status() == RunStatus.FAILED || r.status() == RunStatus.UNSUPPORTED || r.throughput() == null) {
        out.printf(Locale.ROOT, "%-18s %-18s %3d %-11s %s%n", r.target(), r.workload(), r.repetition(), r.status().json(),
            r.error() == null ? "" : r.error());
        continue;
      }
      long removed = r.delivery().removed() == null ? 0 : r.delivery().removed().total();
      out.printf(Locale.ROOT, "%-18s %-18s %3d %-11s %,11.0f %,11.0f %9s %9s %9s %9s %,7d %,7d %,6d %,6d%s%n",
          r.target(), r.workload(), r.repetition(), r.status().json() + (Saturation.saturated(r) ? "*" : ""),
          r.throughput().confirmedPerSec(), r.throughput().consumedPerSec(),
          ConsoleProgress.micros(r.latency().publish().response().p50()), ConsoleProgress.micros(r.latency().publish().response().p99()),
          ConsoleProgress.micros(r.latency().endToEnd().response().p50()), ConsoleProgress.micros(r.latency().endToEnd().response().p99()),
          r.delivery().lost(), removed, r.delivery().duplicates(), r.ordering().violations(),
          r.error() == null ? "" : "  " + r.error());
    }
    out.println("latencies are response times (from the intended send time); lost, removed (by the target's own rules:"
        + " TTL, max length, delivery limit, rejected; never counted as lost), dup(licates) and order(ing violations)"
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
