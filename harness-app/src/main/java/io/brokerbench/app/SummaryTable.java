package io.brokerbench.app;

import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import java.io.PrintWriter;
import java.util.Locale;

/** The table printed at the end of a run: one row per run. */
final class SummaryTable {
  private SummaryTable() {}

  static void print(PrintWriter out, ResultsDocument doc) {
    String header = String.format(Locale.ROOT, "%-18s %-18s %3s %-11s %11s %11s %9s %9s %9s %9s %7s %6s %6s",
        "target", "workload", "rep", "status", "confirmed/s", "consumed/s", "pub p50", "pub p99", "e2e p50", "e2e p99",
        "lost", "dup", "order");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (RunResult r : doc.runs()) {
      if (r.status() == RunStatus.FAILED || r.status() == RunStatus.UNSUPPORTED || r.throughput() == null) {
        out.printf(Locale.ROOT, "%-18s %-18s %3d %-11s %s%n", r.target(), r.workload(), r.repetition(), r.status().json(),
            r.error() == null ? "" : r.error());
        continue;
      }
      out.printf(Locale.ROOT, "%-18s %-18s %3d %-11s %,11.0f %,11.0f %9s %9s %9s %9s %,7d %,6d %,6d%s%n",
          r.target(), r.workload(), r.repetition(), r.status().json() + (r.throughput().saturated() ? "*" : ""),
          r.throughput().confirmedPerSec(), r.throughput().consumedPerSec(),
          ConsoleProgress.micros(r.latency().publish().response().p50()), ConsoleProgress.micros(r.latency().publish().response().p99()),
          ConsoleProgress.micros(r.latency().endToEnd().response().p50()), ConsoleProgress.micros(r.latency().endToEnd().response().p99()),
          r.delivery().lost(), r.delivery().duplicates(), r.ordering().violations(),
          r.error() == null ? "" : "  " + r.error());
    }
    if (doc.runs().stream().anyMatch(r -> r.throughput() != null && r.throughput().saturated())) {
      out.println("* saturated: the achieved rate fell more than 5% short of the offered rate");
    }
    out.println("latencies are response times (from the intended send time); lost, dup(licates) and order(ing violations) are counts");
  }
}
