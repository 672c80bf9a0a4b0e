package io.brokerbench.report;

import io.brokerbench.metrics.ConsumerSpread;
import io.brokerbench.metrics.LatencyField;
import io.brokerbench.metrics.LatencyKind;
import io.brokerbench.metrics.Metric;
import io.brokerbench.metrics.Unit;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.PartitionRecord;
import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.PlannedRun;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunPhase;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.SubscriptionLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** Turns a results document into the model of report.html. Pure: no I/O besides reading assets. */
final class ReportModel {
  static final List<Metric> SUMMARY_METRICS = List.of(
      Metric.OFFERED, Metric.CONFIRMED, Metric.CONSUMED,
      Metric.PUBLISH_P50, Metric.PUBLISH_P99, Metric.PUBLISH_P999,
      Metric.E2E_P50, Metric.E2E_P99, Metric.E2E_P999,
      Metric.VIOLATIONS, Metric.LOST, Metric.REMOVED, Metric.DUPLICATES, Metric.REDELIVERED,
      Metric.CPU, Metric.RSS);
  /** The summary's figures for a workload where some subscription had several consumers: the spread among them too. */
  static final List<Metric> SUMMARY_METRICS_WITH_CONSUMERS = List.of(
      Metric.OFFERED, Metric.CONFIRMED, Metric.CONSUMED,
      Metric.PUBLISH_P50, Metric.PUBLISH_P99, Metric.PUBLISH_P999,
      Metric.E2E_P50, Metric.E2E_P99, Metric.E2E_P999,
      Metric.VIOLATIONS, Metric.LOST, Metric.REMOVED, Metric.DUPLICATES, Metric.REDELIVERED,
      Metric.IMBALANCE, Metric.CPU, Metric.RSS);
  static final List<Metric> LEDGER_METRICS = List.of(
      Metric.SENT, Metric.LEDGER_CONFIRMED, Metric.FAILED, Metric.EXPECTED, Metric.DELIVERED, Metric.REDELIVERED,
      Metric.DUPLICATES, Metric.LOST, Metric.REMOVED, Metric.UNEXPECTED, Metric.RECOVERED,
      Metric.CHECKED, Metric.VIOLATIONS, Metric.MAX_DISTANCE, Metric.REDELIVERY_REORDERS,
      Metric.CPU, Metric.RSS, Metric.BYTES_WRITTEN);
  /** Figures of the processes the harness samples: they cover the harness alone for a broker it does not own. */
  private static final Set<Metric> PROCESS_RESOURCES = Set.of(Metric.CPU, Metric.RSS);

  private final ResultsDocument document;
  private final RunGroups groups;
  private final Map<String, ChartData> charts = new LinkedHashMap<>();

  private ReportModel(ResultsDocument document) {
    this.document = document;
    this.groups = new RunGroups(document);
  }

  /** The page for {@code document}. */
  static ReportPage page(ResultsDocument document) {
    return new ReportModel(document).build();
  }

  private ReportPage build() {
    List<WorkloadView> workloads = new ArrayList<>();
    List<String> names = groups.workloads();
    for (int i = 0; i < names.size(); i++) workloads.add(workload("w" + (i + 1), names.get(i)));
    String scenarioName = document.scenario() == null ? "unnamed scenario" : nonNull(document.scenario().name());
    String description = document.scenario() == null ? "" : nonNull(document.scenario().description());
    List<Fact> files = new ArrayList<>();
    if (document.scenario() != null && document.scenario().files() != null) {
      document.scenario().files().forEach((path, text) -> files.add(new Fact(path, text)));
    }
    return new ReportPage(
        "brokerbench · " + scenarioName, nonNull(document.runId()), scenarioName, description, overview(),
        groups.targets(), workloads, files, environment(document.environment()), settings(), Glossary.entries(),
        Assets.load(), SafeJson.write(Map.of("charts", charts)));
  }

  private String overview() {
    int ok = 0, saturated = 0;
    Map<String, Integer> others = new LinkedHashMap<>();
    for (RunResult run : document.runs()) {
      if (run.status() == RunStatus.OK) {
        ok++;
        if (Saturation.saturated(run)) saturated++;
      } else {
        others.merge(run.status() == null ? "unknown" : run.status().json(), 1, Integer::sum);
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(document.runs().size()).append(document.runs().size() == 1 ? " run: " : " runs: ").append(ok).append(" ok");
    if (saturated > 0) s.append(" (").append(saturated).append(" saturated)");
    others.forEach((status, n) -> s.append(", ").append(n).append(' ').append(status));
    s.append(" · ").append(groups.targets().size()).append(groups.targets().size() == 1 ? " target × " : " targets × ")
        .append(groups.workloads().size()).append(groups.workloads().size() == 1 ? " workload" : " workloads");
    if (document.schemaVersion() < ResultsDocument.SCHEMA_VERSION) {
      s.append(" · results schema version ").append(document.schemaVersion());
    }
    List<PlannedRun> notRun = document.notRun();
    if (!notRun.isEmpty()) {
      // A killed or stopped harness leaves planned runs without results: say so, never "all ok".
      s.append(" · ").append(notRun.size()).append(" of ").append(document.planned().size())
          .append(" planned runs did not run: ");
      s.append(String.join(", ", notRun.stream().limit(5)
          .map(p -> p.target() + " × " + p.workload() + " rep " + p.repetition()).toList()));
      if (notRun.size() > 5) s.append(", …");
    }
    return s.toString();
  }

  /** The runs of one workload with their pooled latencies, computed once per target and distribution. */
  private static final class WorkloadRuns {
    final Map<String, List<RunResult>> byTarget;
    final Map<String, Map<LatencyKind, PooledLatency>> pooled = new LinkedHashMap<>();

    WorkloadRuns(Map<String, List<RunResult>> byTarget) {
      this.byTarget = byTarget;
      byTarget.forEach((target, runs) -> {
        Map<LatencyKind, PooledLatency> kinds = new LinkedHashMap<>();
        for (LatencyKind kind : LatencyKind.values()) kinds.put(kind, PooledLatency.of(ok(runs), kind));
        pooled.put(target, kinds);
      });
    }

    PooledLatency pooled(String target, LatencyKind kind) {
      return pooled.get(target).get(kind);
    }

    /** Whether some latency of this workload could not be merged (schema-1 results carry no histograms). */
    boolean anyUnmerged() {
      return pooled.values().stream().flatMap(m -> m.values().stream()).anyMatch(p -> !p.merged());
    }

    List<RunResult> all() {
      return byTarget.values().stream().flatMap(List::stream).toList();
    }
  }

  private WorkloadView workload(String id, String name) {
    WorkloadRuns runs = new WorkloadRuns(groups.runs(name));
    int repetitions = 0;
    for (List<RunResult> r : runs.byTarget.values()) repetitions = Math.max(repetitions, r.size());

    List<Metric> summaryMetrics = summaryMetrics(runs);
    List<SummaryRow> summary = summaryRows(runs, summaryMetrics);
    List<Fact> notes = new ArrayList<>();
    notes.add(new Fact("aggregation", aggregation(repetitions, runs.anyUnmerged())));
    notes.add(new Fact("stars", starNote(runs)));
    String reference = referenceNote(runs);
    if (!reference.isEmpty()) notes.add(new Fact("reference", reference));
    return new WorkloadView(id, name, WorkloadSources.definition(document.scenario(), name), repetitions,
        Guarantees.warning(runs.all()).orElse(""), notes, ColumnGroup.of(summaryMetrics), summary, charts(id, runs),
        Arrays.stream(LatencyField.values()).map(LatencyField::label).toList(), latencyRows(runs),
        ColumnGroup.of(LEDGER_METRICS),
        runRows(runs.byTarget), consumerTables(runs), partitionTable(runs));
  }

  /**
   * Messages per partition, one row per target whose ok runs recorded them, summed over those runs;
   * {@code null} when no ok run of the workload has two or more partitions.
   */
  private PartitionTable partitionTable(WorkloadRuns runs) {
    List<RunResult> recorded = ok(runs.all()).stream().filter(r -> r.partitions().size() > 1).toList();
    if (recorded.isEmpty()) return null;
    List<PartitionRecord> layout = recorded.get(0).partitions();
    boolean severalDestinations = layout.stream().anyMatch(p -> p.destination() > 0);
    int shown = Math.min(layout.size(), PartitionTable.MAX_COLUMNS);
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      PartitionRecord p = layout.get(i);
      columns.add((severalDestinations ? "d" + p.destination() + " " : "") + "p" + p.partition());
    }
    List<PartitionTable.Row> rows = new ArrayList<>();
    for (var e : runs.byTarget.entrySet()) {
      long[] sent = new long[layout.size()];
      boolean any = false;
      for (RunResult r : ok(e.getValue())) {
        if (r.partitions().size() != layout.size()) continue;
        any = true;
        for (int i = 0; i < sent.length; i++) sent[i] += r.partitions().get(i).sent();
      }
      if (!any) continue;
      long total = Arrays.stream(sent).sum();
      long most = Arrays.stream(sent).max().orElse(0);
      List<PartitionTable.Share> shares = new ArrayList<>();
      for (int i = 0; i < shown; i++) {
        double percent = total == 0 ? 0 : 100.0 * sent[i] / total;
        shares.add(new PartitionTable.Share(total == 0 ? "–" : percent(percent), percent, Unit.COUNT.format((double) sent[i])));
      }
      double hottest = total == 0 ? 0 : most / ((double) total / sent.length);
      rows.add(new PartitionTable.Row(groups.style(e.getKey()), shares, total == 0 ? "–" : Unit.RATIO.format(hottest),
          hottest));
    }
    return new PartitionTable(columns, layout.size(), rows);
  }

  /** The summary's figures: with the consumers' imbalance only where some ok run of the workload has one. */
  private static List<Metric> summaryMetrics(WorkloadRuns runs) {
    boolean spread = ok(runs.all()).stream().anyMatch(r -> Metric.IMBALANCE.of(r) != null);
    return spread ? SUMMARY_METRICS_WITH_CONSUMERS : SUMMARY_METRICS;
  }

  /**
   * One table per target whose ok runs recorded their consumers, when some subscription of the
   * workload had two or more consumers (else none: one consumer per subscription has no spread).
   */
  private List<ConsumerTable> consumerTables(WorkloadRuns runs) {
    if (ok(runs.all()).stream().noneMatch(ReportModel::severalConsumers)) return List.of();
    List<ConsumerTable> tables = new ArrayList<>();
    for (var e : runs.byTarget.entrySet()) {
      List<RunResult> recorded = ok(e.getValue()).stream().filter(r -> !r.consumers().isEmpty()).toList();
      if (recorded.isEmpty()) continue;
      List<ConsumerTable.Group> subscriptions = new ArrayList<>();
      for (RunResult run : recorded) subscriptions.addAll(consumerGroups(run));
      Stats imbalance = statsOf(recorded, Metric.IMBALANCE);
      tables.add(new ConsumerTable(groups.style(e.getKey()),
          Cell.of(Metric.IMBALANCE.id(), Metric.IMBALANCE.unit(), imbalance, false), subscriptions, recorded.size() > 1));
    }
    return tables;
  }

  /** Whether some subscription of {@code run} had two or more consumers. */
  static boolean severalConsumers(RunResult run) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (ConsumerRecord c : run.consumers()) {
      if (counts.merge(c.subscription(), 1, Integer::sum) > 1) return true;
    }
    return false;
  }

  /** The smallest imbalance that shows as more than 1.00, from which the busiest consumer is marked. */
  static final double UNEVEN_FROM = 1.005;

  /** The consumers of each subscription of {@code run}, with each one's share of its subscription's deliveries. */
  private static List<ConsumerTable.Group> consumerGroups(RunResult run) {
    Map<Integer, List<Integer>> bySubscription = new TreeMap<>();
    List<ConsumerRecord> records = run.consumers();
    for (int i = 0; i < records.size(); i++) {
      bySubscription.computeIfAbsent(records.get(i).subscription(), k -> new ArrayList<>()).add(i);
    }
    Map<Integer, Double> imbalances = ConsumerSpread.bySubscription(records);
    List<ConsumerTable.Group> out = new ArrayList<>();
    bySubscription.forEach((subscription, indexes) -> {
      indexes.sort((a, b) -> Integer.compare(records.get(a).consumer(), records.get(b).consumer()));
      long total = indexes.stream().mapToLong(i -> records.get(i).deliveries()).sum();
      long most = indexes.stream().mapToLong(i -> records.get(i).deliveries()).max().orElse(0);
      Double imbalance = imbalances.get(subscription);
      // Marked only where the spread shows: an imbalance that reads 1.00 has no busiest consumer.
      boolean uneven = imbalance != null && imbalance >= UNEVEN_FROM;
      List<ConsumerTable.Row> rows = new ArrayList<>();
      for (int i : indexes) {
        ConsumerRecord c = records.get(i);
        String at = "consumers[" + i + "].";
        double share = total == 0 ? 0 : 100.0 * c.deliveries() / total;
        rows.add(new ConsumerTable.Row(c.consumer(),
            Cell.of(at + "deliveries", Unit.COUNT, (double) c.deliveries()),
            total == 0 ? "–" : percent(share), percentValue(share), percentValue(100.0 / indexes.size()),
            uneven && c.deliveries() == most,
            Cell.of(at + "redelivered", Unit.COUNT, (double) c.redelivered()),
            Cell.of(at + "rejected", Unit.COUNT, (double) c.rejected()),
            Cell.text(at + "busyShare", percent(100 * c.busyShare()), c.busyShare()),
            Cell.of(at + "mostUnacknowledged", Unit.COUNT,
                c.mostUnacknowledged() == null ? null : c.mostUnacknowledged().doubleValue())));
      }
      out.add(new ConsumerTable.Group(run.repetition(), subscription,
          imbalance == null ? "" : Unit.RATIO.format(imbalance), imbalance == null ? "" : Double.toString(imbalance),
          Unit.COUNT.format(total), rows));
    });
    return out;
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, value >= 10 || value == 0 ? "%.0f%%" : "%.1f%%", value);
  }

  private static String percentValue(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** How the summary's figures were formed from the repetitions. */
  private static String aggregation(int repetitions, boolean unmerged) {
    if (repetitions <= 1) return "One repetition: figures are single measurements, and their noise is unknown.";
    String latencies = unmerged
        ? "Latencies: these results (schema version 1) carry no latency histograms, so each latency is the mean of"
            + " the repetitions' own figures ± its 95% interval, not a figure of all their values together: a stall in"
            + " one repetition is diluted by the others."
        : "Latencies (percentiles, min, max) are of all the ok repetitions' values together, their histograms"
            + " merged, so a stall in one repetition shows in the max and the high percentiles as it happened; the"
            + " \"reps\" line under each is the spread between repetitions: the mean of the repetitions' own figures"
            + " ± its 95% interval.";
    return "Throughput, ledger and resources: means over the ok repetitions ± the half-width of their 95% confidence"
        + " interval (Student t); a figure without ± comes from a single repetition, so its noise is unknown. "
        + latencies;
  }

  /** Why the ★ marks what it marks in this workload, or why it marks nothing. */
  private String starNote(WorkloadRuns runs) {
    List<String> contenders = new ArrayList<>();
    List<String> single = new ArrayList<>();
    for (var e : runs.byTarget.entrySet()) {
      int ok = ok(e.getValue()).size();
      if (ok == 0 || groups.style(e.getKey()).reference()) continue;
      contenders.add(e.getKey());
      if (ok == 1) single.add(e.getKey());
    }
    if (contenders.size() < 2) {
      return "No ★: fewer than two targets with figures to rank (the loopback reference is not ranked).";
    }
    if (single.size() == contenders.size()) {
      return "No ★: every target has a single ok repetition, so the noise is unknown and no value can be shown better"
          + " beyond it. Run the scenario with repetitions: 3 or more.";
    }
    String rule = "★ marks a value better than every other target's beyond the noise: the 95% intervals of their"
        + " repetition means do not overlap. A column without ★ has no such value.";
    if (!single.isEmpty()) {
      rule += " " + String.join(", ", single) + (single.size() == 1 ? " has" : " have")
          + " a single ok repetition (noise unknown), so no column where it has a figure is marked.";
    }
    return rule;
  }

  private String referenceNote(WorkloadRuns runs) {
    List<String> references = runs.byTarget.keySet().stream().filter(t -> groups.style(t).reference()).toList();
    if (references.isEmpty()) return "";
    return String.join(", ", references) + " is the harness's own reference: a hand-off with no broker, shown for scale"
        + " (a ceiling for throughput, not a floor for latency) and never ranked.";
  }

  private static List<RunResult> ok(List<RunResult> runs) {
    return runs.stream().filter(r -> r.status() == RunStatus.OK).toList();
  }

  private List<SummaryRow> summaryRows(WorkloadRuns runs, List<Metric> metrics) {
    List<Map<Metric, Stats>> contending = new ArrayList<>();
    for (var e : runs.byTarget.entrySet()) {
      Map<Metric, Stats> asContender = new HashMap<>();
      if (!groups.style(e.getKey()).reference()) {
        List<RunResult> ok = ok(e.getValue());
        boolean harnessOnly = harnessOnly(e.getKey(), ok);
        for (Metric m : metrics) {
          if (!(harnessOnly && PROCESS_RESOURCES.contains(m))) asContender.put(m, stats(runs, e.getKey(), ok, m));
        }
      }
      contending.add(asContender);
    }
    List<Set<Metric>> best = BestMarks.mark(contending);
    List<SummaryRow> rows = new ArrayList<>();
    int r = 0;
    for (var e : runs.byTarget.entrySet()) {
      String target = e.getKey();
      List<RunResult> ok = ok(e.getValue());
      List<Cell> cells = new ArrayList<>();
      if (!ok.isEmpty()) {
        for (Metric m : metrics) {
          boolean isBest = best.get(r).contains(m);
          Stats stats = stats(runs, target, ok, m);
          Cell cell = m.isLatency()
              ? Cell.of(m.id(), runs.pooled(target, m.latencyKind()), m.latencyField(), isBest)
              : Cell.of(m.id(), m.unit(), stats, isBest);
          boolean harnessOnly = PROCESS_RESOURCES.contains(m) && stats != null && harnessOnly(target, ok);
          cells.add(harnessOnly ? cell.withNote("harness only") : cell);
        }
      }
      rows.add(new SummaryRow(groups.style(target), ok.size() + "/" + e.getValue().size(), guarantee(e.getValue()),
          notes(e.getValue()), cells));
      r++;
    }
    return rows;
  }

  /** The repetitions' statistics of {@code m}: a latency's spread between repetitions, else mean ± interval. */
  private static Stats stats(WorkloadRuns runs, String target, List<RunResult> ok, Metric m) {
    if (ok.isEmpty()) return null;
    return m.isLatency() ? runs.pooled(target, m.latencyKind()).spread(m.latencyField()) : statsOf(ok, m);
  }

  /** The guarantees a target's runs recorded, in one line; empty when it never opened. */
  private static String guarantee(List<RunResult> runs) {
    List<String> texts = new ArrayList<>();
    for (RunResult run : runs) {
      if (run.targetInfo() == null) continue;
      String text = Guarantees.text(run.targetInfo().guarantee());
      if (!texts.contains(text)) texts.add(text);
    }
    return String.join(" / ", texts);
  }

  /**
   * Whether the resources of a target reached over the network cover the harness alone (the broker's
   * processes are not the harness's to sample), so they cannot be compared with embedded targets.
   */
  private boolean harnessOnly(String target, List<RunResult> ok) {
    if (groups.style(target).embedded()) return false;
    for (RunResult run : ok) {
      if (run.resources() == null || run.resources().processes() == null) continue;
      for (var p : run.resources().processes()) if (!"harness".equals(p.role())) return false;
    }
    return true;
  }

  /** Mean ± 95% interval of a figure over the runs that have it; {@code null} when none has. */
  static Stats statsOf(List<RunResult> runs, Metric metric) {
    List<Double> values = new ArrayList<>();
    for (RunResult run : runs) {
      Double v = metric.of(run);
      if (v != null) values.add(v);
    }
    return Stats.of(values);
  }

  /** Notes on runs that were not plain ok; runs with the same status and reason share one note. */
  private static List<StatusNote> notes(List<RunResult> runs) {
    Map<List<String>, List<Integer>> grouped = new LinkedHashMap<>();
    for (RunResult run : runs) {
      if (run.status() != RunStatus.OK) {
        String kind = run.status() == null ? "failed" : run.status().json();
        String reason = run.error() == null ? "no reason given" : run.error();
        grouped.computeIfAbsent(List.of(kind, reason), k -> new ArrayList<>()).add(run.repetition());
      } else if (Saturation.saturated(run)) {
        grouped.computeIfAbsent(List.of("saturated", String.join("; ", Saturation.reasons(run))), k -> new ArrayList<>())
            .add(run.repetition());
      }
      if (run.status() == RunStatus.OK && run.warnings() != null) {
        for (String warning : run.warnings()) {
          grouped.computeIfAbsent(List.of("warning", warning), k -> new ArrayList<>()).add(run.repetition());
        }
      }
    }
    List<StatusNote> notes = new ArrayList<>();
    grouped.forEach((key, reps) -> {
      String which = (reps.size() == 1 ? "rep " : "reps ")
          + String.join(", ", reps.stream().map(String::valueOf).toList());
      notes.add(new StatusNote(key.get(0), which + " " + key.get(0) + ": " + key.get(1)));
    });
    return notes;
  }

  private List<LatencyRow> latencyRows(WorkloadRuns runs) {
    List<LatencyRow> rows = new ArrayList<>();
    for (String target : runs.byTarget.keySet()) {
      for (LatencyKind kind : LatencyKind.values()) {
        PooledLatency pooled = runs.pooled(target, kind);
        if (pooled.isEmpty()) continue;
        List<Cell> cells = new ArrayList<>();
        for (LatencyField field : LatencyField.values()) {
          cells.add(Cell.of(Metric.latency(kind, field).id(), pooled, field, false));
        }
        rows.add(new LatencyRow(groups.style(target), kind.displayName(), cells));
      }
    }
    return rows;
  }

  private List<RunRow> runRows(Map<String, List<RunResult>> byTarget) {
    List<RunRow> rows = new ArrayList<>();
    for (var e : byTarget.entrySet()) {
      TargetStyle style = groups.style(e.getKey());
      for (RunResult run : e.getValue()) {
        String status = run.status() == null ? "failed" : run.status().json();
        if (Saturation.saturated(run)) status = "saturated";
        List<Cell> cells = new ArrayList<>();
        if (run.delivery() != null || run.ordering() != null || run.resources() != null) {
          for (Metric m : LEDGER_METRICS) {
            Cell cell = Cell.of(m.id(), m.unit(), m.of(run));
            if (m == Metric.REMOVED && run.delivery() != null) cell = withReasons(cell, run.delivery().removed());
            cells.add(cell);
          }
        }
        rows.add(new RunRow(style, run.repetition(), -1, status, nonNull(run.error()), cells));
        if (run.delivery() != null && run.delivery().bySubscription() != null && run.delivery().bySubscription().size() > 1) {
          List<SubscriptionLedger> subs = run.delivery().bySubscription();
          for (int i = 0; i < subs.size(); i++) rows.add(subscriptionRow(style, run, i, subs.get(i)));
        }
      }
    }
    return rows;
  }

  /** The ledger of one subscription: the ledger table's figures kept per subscription, empty cells for the others. */
  private static RunRow subscriptionRow(TargetStyle style, RunResult run, int index, SubscriptionLedger sub) {
    List<Cell> cells = new ArrayList<>();
    for (Metric m : LEDGER_METRICS) {
      if (!m.hasPerSubscription()) {
        cells.add(Cell.EMPTY);
        continue;
      }
      Cell cell = Cell.of(m.subscriptionId(index), m.unit(), m.ofSubscription(sub));
      cells.add(m == Metric.REMOVED ? withReasons(cell, sub.removed()) : cell);
    }
    return new RunRow(style, run.repetition(), sub.subscription(), "ok", "", cells);
  }

  /** A removed count with its reasons under it, e.g. "expired 1,200 · max length 30"; unchanged when none. */
  private static Cell withReasons(Cell cell, RemovedRecord removed) {
    if (removed == null || removed.total() == 0) return cell;
    List<String> parts = new ArrayList<>();
    if (removed.expired() > 0) parts.add("expired " + Unit.COUNT.format(removed.expired()));
    if (removed.maxLength() > 0) parts.add("max length " + Unit.COUNT.format(removed.maxLength()));
    if (removed.deliveryLimit() > 0) parts.add("delivery limit " + Unit.COUNT.format(removed.deliveryLimit()));
    if (removed.rejected() > 0) parts.add("rejected " + Unit.COUNT.format(removed.rejected()));
    return cell.withNote(String.join(" · ", parts));
  }

  private List<ChartView> charts(String id, WorkloadRuns runs) {
    Map<String, List<RunResult>> byTarget = runs.byTarget;
    List<ChartView> views = new ArrayList<>();
    String partial = " Each step is one interval's rate, held from the interval's start to the next one's. The last"
        + " interval of a run is shorter than a second: its rate is its count ÷ its length.";
    addChart(views, id + "-confirmed", "Confirmed per second",
        "Confirms received in each second (msg/s), mean over ok repetitions; x = seconds from the start of the"
            + " measured window (shaded: warm-up before 0, drain after the window)"
            + (fixedOffered(byTarget) == null ? "." : "; dotted line: offered rate.") + partial,
        timeChart(byTarget, SecondSample::confirmed, "confirmed (msg/s)", true));
    addChart(views, id + "-consumed", "Consumed per second",
        "First deliveries received in each second over all subscriptions (msg/s), mean over ok repetitions; x = seconds"
            + " from the start of the measured window." + partial,
        timeChart(byTarget, SecondSample::consumed, "consumed (msg/s)", false));
    String across = runs.anyUnmerged()
        ? "the mean over ok repetitions of each percentile (schema-1 results carry no histograms to merge)."
        : "of all ok repetitions' values together (histograms merged).";
    for (LatencyKind kind : LatencyKind.values()) {
      addChart(views, id + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), kind.title(),
          kind.span() + ", µs on a log scale, by percentile (log scale: each step right is ten times rarer); "
              + across,
          percentileChart(runs, kind));
    }
    return views;
  }

  private void addChart(List<ChartView> views, String id, String title, String caption, ChartData data) {
    if (data == null) return;
    charts.put(id, data);
    views.add(new ChartView(id, title, caption, data.series().size()));
  }

  /**
   * The rate of one interval of the per-second series, in msg/s: its count ÷ its real length. Samples
   * of schema-1 results carry no length (read as 0) and were a second each.
   */
  static double perSecond(long count, SecondSample sample) {
    return sample.seconds() > 0 ? count / sample.seconds() : count;
  }

  private ChartData timeChart(
      Map<String, List<RunResult>> byTarget, ToLongFunction<SecondSample> count, String yLabel, boolean withOffered) {
    Map<String, TreeMap<Integer, double[]>> perTarget = new LinkedHashMap<>();
    List<Double> windows = new ArrayList<>();
    for (var e : byTarget.entrySet()) {
      TreeMap<Integer, double[]> sums = new TreeMap<>();
      for (RunResult run : ok(e.getValue())) {
        if (run.throughput() == null || run.throughput().series() == null || run.throughput().series().isEmpty()) continue;
        Double measureStart = run.phaseStartSeconds(RunPhase.MEASURE);
        double measure = measureStart == null ? 0 : measureStart;
        int shift = (int) Math.round(measure);
        Double drainStart = run.phaseStartSeconds(RunPhase.DRAIN);
        if (drainStart != null) windows.add(drainStart - measure);
        for (SecondSample s : run.throughput().series()) {
          double[] acc = sums.computeIfAbsent(s.second() - shift, k -> new double[2]);
          acc[0] += perSecond(count.applyAsLong(s), s);
          acc[1]++;
        }
      }
      if (!sums.isEmpty()) perTarget.put(e.getKey(), sums);
    }
    if (perTarget.isEmpty()) return null;
    TreeMap<Integer, Boolean> xs = new TreeMap<>();
    perTarget.values().forEach(m -> m.keySet().forEach(k -> xs.put(k, true)));
    List<Double> x = xs.keySet().stream().map(Integer::doubleValue).toList();
    List<ChartData.Series> series = new ArrayList<>();
    perTarget.forEach((label, sums) -> {
      List<Double> y = new ArrayList<>();
      for (Integer k : xs.keySet()) {
        double[] acc = sums.get(k);
        y.add(acc == null ? null : acc[0] / acc[1]);
      }
      series.add(series(label, y));
    });
    Double window = windows.isEmpty() ? null : median(windows);
    return new ChartData("time", "seconds from the start of the measured window (s)", yLabel, x, series, window,
        withOffered ? fixedOffered(byTarget) : null);
  }

  /**
   * The offered rate when every ok run of the workload had the same fixed schedule, else null. At
   * max rate the offered rate is the confirmed one, which differs between runs; a lone run at max
   * rate is recognised by offered == confirmed.
   */
  private static Double fixedOffered(Map<String, List<RunResult>> byTarget) {
    List<RunResult> runs = byTarget.values().stream().flatMap(List::stream)
        .filter(r -> r.status() == RunStatus.OK && r.throughput() != null).toList();
    if (runs.isEmpty()) return null;
    double offered = runs.get(0).throughput().offeredPerSec();
    if (!(offered > 0)) return null;
    for (RunResult r : runs) if (Math.abs(r.throughput().offeredPerSec() - offered) > 1e-6) return null;
    if (runs.size() == 1 && runs.get(0).throughput().confirmedPerSec() == offered) return null;
    return offered;
  }

  private ChartData percentileChart(WorkloadRuns runs, LatencyKind kind) {
    TreeMap<Double, Boolean> percentiles = new TreeMap<>();
    Map<String, Map<Double, Double>> perTarget = new LinkedHashMap<>();
    for (String target : runs.byTarget.keySet()) {
      Map<Double, Double> points = new TreeMap<>();
      for (double[] point : runs.pooled(target, kind).curve()) {
        if (point.length < 2 || !(point[0] >= 50) || !(point[0] < 100) || !(point[1] > 0)) continue;
        percentiles.put(point[0], true);
        points.put(point[0], point[1]);
      }
      if (!points.isEmpty()) perTarget.put(target, points);
    }
    if (perTarget.isEmpty()) return null;
    List<Double> x = percentiles.keySet().stream().map(p -> -Math.log10(1 - p / 100)).toList();
    List<ChartData.Series> series = new ArrayList<>();
    perTarget.forEach((label, points) -> {
      List<Double> y = new ArrayList<>();
      for (Double p : percentiles.keySet()) y.add(points.get(p));
      series.add(series(label, y));
    });
    return new ChartData("percentile", "percentile (log scale)", "latency (log scale)", x, series, null, null);
  }

  private ChartData.Series series(String label, List<Double> y) {
    TargetStyle style = groups.style(label);
    List<Double> dash = style.dash().isEmpty() ? List.of()
        : Arrays.stream(style.dash().split(" ")).map(Double::parseDouble).toList();
    return new ChartData.Series(label, style.color(), dash, style.marker(), y);
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static List<Fact> environment(EnvironmentRecord env) {
    if (env == null) return List.of(new Fact("environment", "not recorded"));
    return List.of(
        new Fact("harness", nonNull(env.harnessVersion())),
        new Fact("git commit", nonNull(env.gitCommit())),
        new Fact("JVM", nonNull(env.jvm())),
        new Fact("OS", nonNull(env.os())),
        new Fact("CPUs", Integer.toString(env.cpus())),
        new Fact("memory", gib(env.memoryBytes())),
        new Fact("free disk at start", gib(env.freeDiskBytes())),
        new Fact("started", nonNull(env.startedAt())),
        new Fact("ended", nonNull(env.endedAt())));
  }

  private SettingsTable settings() {
    List<TargetStyle> targets = groups.targets();
    Map<String, Map<String, List<SettingValue>>> byName = new TreeMap<>();
    Map<String, List<SettingValue>> guarantees = new LinkedHashMap<>();
    for (RunResult run : document.runs()) {
      if (run.targetInfo() == null) continue;
      var g = run.targetInfo().guarantee();
      String guarantee = Guarantees.text(g) + (g == null || g.basis() == null || g.basis().isBlank() ? "" : " (from " + g.basis() + ")");
      addDistinct(guarantees.computeIfAbsent(run.target(), x -> new ArrayList<>()), SettingValue.of(guarantee));
      if (run.targetInfo().settings() == null) continue;
      run.targetInfo().settings().forEach((k, v) -> addDistinct(
          byName.computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(run.target(), x -> new ArrayList<>()),
          SettingValue.of(v)));
    }
    List<SettingsTable.Row> rows = new ArrayList<>();
    rows.add(new SettingsTable.Row("target mode", targets.stream().map(t -> List.of(SettingValue.of(t.mode()))).toList()));
    rows.add(new SettingsTable.Row("target version",
        targets.stream().map(t -> t.version().isEmpty() ? List.<SettingValue>of() : List.of(SettingValue.of(t.version()))).toList()));
    rows.add(new SettingsTable.Row("guarantee",
        targets.stream().map(t -> guarantees.getOrDefault(t.label(), List.of())).toList()));
    byName.forEach((name, perTarget) -> rows.add(new SettingsTable.Row(name,
        targets.stream().map(t -> perTarget.getOrDefault(t.label(), List.of())).toList())));
    return new SettingsTable(targets, rows);
  }

  private static void addDistinct(List<SettingValue> values, SettingValue value) {
    if (!values.contains(value)) values.add(value);
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
