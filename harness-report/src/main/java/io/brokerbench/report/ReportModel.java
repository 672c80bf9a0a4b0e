package io.brokerbench.report;

import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.SubscriptionLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Turns a results document into the model of report.html. Pure: no I/O besides reading assets. */
final class ReportModel {
  static final List<Metric> SUMMARY_METRICS = List.of(
      Metric.OFFERED, Metric.CONFIRMED, Metric.CONSUMED,
      Metric.PUBLISH_P50, Metric.PUBLISH_P99, Metric.PUBLISH_P999,
      Metric.E2E_P50, Metric.E2E_P99, Metric.E2E_P999,
      Metric.VIOLATIONS, Metric.LOST, Metric.DUPLICATES, Metric.REDELIVERED,
      Metric.CPU, Metric.RSS);
  static final List<ColumnGroup> SUMMARY_GROUPS = List.of(
      new ColumnGroup("Throughput", "msg/s", List.of("offered", "confirmed", "consumed")),
      new ColumnGroup("Publish response time", "µs", List.of("p50", "p99", "p99.9")),
      new ColumnGroup("End-to-end response time", "µs", List.of("p50", "p99", "p99.9")),
      new ColumnGroup("Ordering", "", List.of("violations")),
      new ColumnGroup("Delivery ledger", "", List.of("lost", "duplicates", "redelivered")),
      new ColumnGroup("Resources", "", List.of("CPU (s)", "peak RSS (MiB)")));

  static final List<Metric> LEDGER_METRICS = List.of(
      Metric.SENT, Metric.LEDGER_CONFIRMED, Metric.FAILED, Metric.EXPECTED, Metric.DELIVERED, Metric.REDELIVERED,
      Metric.DUPLICATES, Metric.LOST, Metric.UNEXPECTED, Metric.RECOVERED,
      Metric.CHECKED, Metric.VIOLATIONS, Metric.MAX_DISTANCE, Metric.REDELIVERY_REORDERS,
      Metric.CPU, Metric.RSS, Metric.BYTES_WRITTEN);
  static final List<ColumnGroup> LEDGER_GROUPS = List.of(
      new ColumnGroup("Delivery ledger", "messages", List.of("sent", "confirmed", "failed", "expected", "delivered",
          "redelivered", "duplicates", "lost", "unexpected", "recovered")),
      new ColumnGroup("Ordering", "", List.of("checked", "violations", "max distance", "redelivery reorders")),
      new ColumnGroup("Resources", "", List.of("CPU (s)", "peak RSS (MiB)", "written (MiB)")));

  /** Latency table columns: label, field name in results.json, how to read it from a summary. */
  private record LatencyField(String label, String field, Unit unit, ToDoubleFunction<LatencySummary> get) {}

  private static final List<LatencyField> LATENCY_FIELDS = List.of(
      new LatencyField("count", "count", Unit.COUNT, s -> s.count()),
      new LatencyField("min", "min", Unit.MICROS, LatencySummary::min),
      new LatencyField("mean", "mean", Unit.MICROS, LatencySummary::mean),
      new LatencyField("p50", "p50", Unit.MICROS, LatencySummary::p50),
      new LatencyField("p90", "p90", Unit.MICROS, LatencySummary::p90),
      new LatencyField("p95", "p95", Unit.MICROS, LatencySummary::p95),
      new LatencyField("p99", "p99", Unit.MICROS, LatencySummary::p99),
      new LatencyField("p99.9", "p999", Unit.MICROS, LatencySummary::p999),
      new LatencyField("p99.99", "p9999", Unit.MICROS, LatencySummary::p9999),
      new LatencyField("max", "max", Unit.MICROS, LatencySummary::max),
      new LatencyField("overflow", "overflow", Unit.COUNT, s -> s.overflow()),
      new LatencyField("negative", "negative", Unit.COUNT, s -> s.negative()));

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
        if (run.throughput() != null && run.throughput().saturated()) saturated++;
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
    return s.toString();
  }

  private WorkloadView workload(String id, String name) {
    Map<String, List<RunResult>> byTarget = groups.runs(name);
    int repetitions = 0;
    for (List<RunResult> runs : byTarget.values()) repetitions = Math.max(repetitions, runs.size());

    List<SummaryRow> summary = summaryRows(byTarget);
    List<LatencyRow> latency = latencyRows(byTarget);
    List<RunRow> runRows = runRows(byTarget);
    List<ChartView> chartViews = charts(id, byTarget);
    return new WorkloadView(id, name, workloadSource(name), repetitions, SUMMARY_GROUPS, summary, chartViews,
        LATENCY_FIELDS.stream().map(LatencyField::label).toList(), latency, LEDGER_GROUPS, runRows);
  }

  private static List<RunResult> ok(List<RunResult> runs) {
    return runs.stream().filter(r -> r.status() == RunStatus.OK).toList();
  }

  private List<SummaryRow> summaryRows(Map<String, List<RunResult>> byTarget) {
    Map<String, List<Stats>> stats = new LinkedHashMap<>();
    List<List<Stats>> comparable = new ArrayList<>();
    for (var e : byTarget.entrySet()) {
      List<RunResult> ok = ok(e.getValue());
      List<Stats> row = new ArrayList<>();
      for (Metric m : SUMMARY_METRICS) row.add(ok.isEmpty() ? null : statsOf(ok, m::of));
      stats.put(e.getKey(), row);
      List<Stats> forBest = new ArrayList<>(row);
      if (harnessOnly(e.getKey(), ok)) {
        forBest.set(SUMMARY_METRICS.indexOf(Metric.CPU), null);
        forBest.set(SUMMARY_METRICS.indexOf(Metric.RSS), null);
      }
      comparable.add(forBest);
    }
    boolean[][] best = markBest(comparable, SUMMARY_METRICS);
    List<SummaryRow> rows = new ArrayList<>();
    int r = 0;
    for (var e : byTarget.entrySet()) {
      List<RunResult> runs = e.getValue();
      List<RunResult> ok = ok(runs);
      List<Cell> cells = new ArrayList<>();
      if (!ok.isEmpty()) {
        List<Stats> row = stats.get(e.getKey());
        for (int c = 0; c < SUMMARY_METRICS.size(); c++) {
          Metric m = SUMMARY_METRICS.get(c);
          Cell cell = Cell.of(m.path(), m.unit(), row.get(c), best[r][c]);
          boolean resource = m == Metric.CPU || m == Metric.RSS;
          cells.add(resource && row.get(c) != null && harnessOnly(e.getKey(), ok) ? cell.withNote("harness only") : cell);
        }
      }
      rows.add(new SummaryRow(groups.style(e.getKey()), ok.size() + "/" + runs.size(), notes(runs), cells));
      r++;
    }
    return rows;
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

  /** best[row][column]: the row holds its column's best value, and not every row has that value. */
  static boolean[][] markBest(List<List<Stats>> rows, List<Metric> metrics) {
    boolean[][] best = new boolean[rows.size()][metrics.size()];
    for (int c = 0; c < metrics.size(); c++) {
      Better better = metrics.get(c).better();
      if (better == Better.NEITHER) continue;
      double bestValue = Double.NaN;
      int present = 0;
      for (List<Stats> row : rows) {
        Stats s = row.get(c);
        if (s == null) continue;
        present++;
        if (Double.isNaN(bestValue)
            || (better == Better.HIGHER ? s.mean() > bestValue : s.mean() < bestValue)) {
          bestValue = s.mean();
        }
      }
      if (present < 2) continue;
      int atBest = 0;
      for (List<Stats> row : rows) if (row.get(c) != null && row.get(c).mean() == bestValue) atBest++;
      if (atBest == present) continue;
      for (int r = 0; r < rows.size(); r++) {
        Stats s = rows.get(r).get(c);
        best[r][c] = s != null && s.mean() == bestValue;
      }
    }
    return best;
  }

  private static Stats statsOf(List<RunResult> runs, java.util.function.Function<RunResult, Double> f) {
    List<Double> values = new ArrayList<>();
    for (RunResult run : runs) {
      Double v = f.apply(run);
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
      } else if (run.throughput() != null && run.throughput().saturated()) {
        grouped.computeIfAbsent(List.of("saturated", saturation(run)), k -> new ArrayList<>()).add(run.repetition());
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

  private static String saturation(RunResult run) {
    double offered = run.throughput().offeredPerSec();
    double confirmed = run.throughput().confirmedPerSec();
    if (offered > 0 && confirmed < offered * 0.95) {
      return String.format(Locale.ROOT, "confirmed %s msg/s is %.1f%% below the offered %s msg/s",
          Unit.PER_SECOND.format(confirmed), 100 * (1 - confirmed / offered), Unit.PER_SECOND.format(offered));
    }
    return "consumption fell more than 5% short of the offered " + Unit.PER_SECOND.format(offered) + " msg/s";
  }

  private List<LatencyRow> latencyRows(Map<String, List<RunResult>> byTarget) {
    List<LatencyRow> rows = new ArrayList<>();
    for (var e : byTarget.entrySet()) {
      List<RunResult> ok = ok(e.getValue());
      if (ok.isEmpty()) continue;
      for (LatencyKind kind : LatencyKind.values()) {
        List<Cell> cells = new ArrayList<>();
        boolean any = false;
        for (LatencyField field : LATENCY_FIELDS) {
          Stats s = statsOf(ok, run -> {
            LatencySummary summary = kind.of(run);
            return summary == null ? null : field.get().applyAsDouble(summary);
          });
          any |= s != null;
          cells.add(Cell.of(kind.path() + "." + field.field(), field.unit(), s, false));
        }
        if (any) rows.add(new LatencyRow(groups.style(e.getKey()), kind.displayName(), cells));
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
        if (run.status() == RunStatus.OK && run.throughput() != null && run.throughput().saturated()) status = "saturated";
        List<Cell> cells = new ArrayList<>();
        if (run.delivery() != null || run.ordering() != null || run.resources() != null) {
          for (Metric m : LEDGER_METRICS) cells.add(Cell.of(m.path(), m.unit(), m.of(run)));
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

  private static RunRow subscriptionRow(TargetStyle style, RunResult run, int index, SubscriptionLedger sub) {
    String p = "delivery.bySubscription[" + index + "].";
    List<Cell> cells = new ArrayList<>(List.of(
        Cell.EMPTY, Cell.EMPTY, Cell.EMPTY,
        Cell.of(p + "expected", Unit.COUNT, (double) sub.expected()),
        Cell.of(p + "delivered", Unit.COUNT, (double) sub.delivered()),
        Cell.of(p + "redelivered", Unit.COUNT, (double) sub.redelivered()),
        Cell.of(p + "duplicates", Unit.COUNT, (double) sub.duplicates()),
        Cell.of(p + "lost", Unit.COUNT, (double) sub.lost()),
        Cell.of(p + "unexpected", Unit.COUNT, (double) sub.unexpected()),
        Cell.of(p + "recovered", Unit.COUNT, (double) sub.recovered())));
    while (cells.size() < LEDGER_METRICS.size()) cells.add(Cell.EMPTY);
    return new RunRow(style, run.repetition(), sub.subscription(), "ok", "", cells);
  }

  private List<ChartView> charts(String id, Map<String, List<RunResult>> byTarget) {
    List<ChartView> views = new ArrayList<>();
    addChart(views, id + "-confirmed", "Confirmed per second",
        "Confirms received in each second (msg/s), mean over ok repetitions; x = seconds from the start of the"
            + " measured window (shaded: warm-up before 0, drain after the window)"
            + (fixedOffered(byTarget) == null ? "." : "; dotted line: offered rate."),
        timeChart(byTarget, SecondSample::confirmed, "confirmed (msg/s)", true));
    addChart(views, id + "-consumed", "Consumed per second",
        "First deliveries received in each second over all subscriptions (msg/s), mean over ok repetitions; x = seconds from the start of the measured window.",
        timeChart(byTarget, SecondSample::consumed, "consumed (msg/s)", false));
    for (LatencyKind kind : LatencyKind.values()) {
      addChart(views, id + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), kind.title(),
          kind.span() + ", µs on a log scale, by percentile (log scale: each step right is ten times rarer); mean over ok repetitions of each percentile.",
          percentileChart(byTarget, kind));
    }
    return views;
  }

  private void addChart(List<ChartView> views, String id, String title, String caption, ChartData data) {
    if (data == null) return;
    charts.put(id, data);
    views.add(new ChartView(id, title, caption, data.series().size()));
  }

  private ChartData timeChart(
      Map<String, List<RunResult>> byTarget, ToDoubleFunction<SecondSample> value, String yLabel, boolean withOffered) {
    Map<String, TreeMap<Integer, double[]>> perTarget = new LinkedHashMap<>();
    List<Double> windows = new ArrayList<>();
    for (var e : byTarget.entrySet()) {
      TreeMap<Integer, double[]> sums = new TreeMap<>();
      for (RunResult run : ok(e.getValue())) {
        if (run.throughput() == null || run.throughput().series() == null || run.throughput().series().isEmpty()) continue;
        double measure = run.phases() == null ? 0 : run.phases().getOrDefault("measure", 0.0);
        int shift = (int) Math.round(measure);
        if (run.phases() != null && run.phases().containsKey("drain")) windows.add(run.phases().get("drain") - measure);
        for (SecondSample s : run.throughput().series()) {
          double[] acc = sums.computeIfAbsent(s.second() - shift, k -> new double[2]);
          acc[0] += value.applyAsDouble(s);
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

  private ChartData percentileChart(Map<String, List<RunResult>> byTarget, LatencyKind kind) {
    TreeMap<Double, Boolean> percentiles = new TreeMap<>();
    Map<String, Map<Double, double[]>> perTarget = new LinkedHashMap<>();
    for (var e : byTarget.entrySet()) {
      Map<Double, double[]> sums = new TreeMap<>();
      for (RunResult run : ok(e.getValue())) {
        LatencySummary s = kind.of(run);
        if (s == null || s.curve() == null) continue;
        for (double[] point : s.curve()) {
          if (point.length < 2 || !(point[0] >= 50) || !(point[0] < 100) || !(point[1] > 0)) continue;
          percentiles.put(point[0], true);
          double[] acc = sums.computeIfAbsent(point[0], k -> new double[2]);
          acc[0] += point[1];
          acc[1]++;
        }
      }
      if (!sums.isEmpty()) perTarget.put(e.getKey(), sums);
    }
    if (perTarget.isEmpty()) return null;
    List<Double> x = percentiles.keySet().stream().map(p -> -Math.log10(1 - p / 100)).toList();
    List<ChartData.Series> series = new ArrayList<>();
    perTarget.forEach((label, sums) -> {
      List<Double> y = new ArrayList<>();
      for (Double p : percentiles.keySet()) {
        double[] acc = sums.get(p);
        y.add(acc == null ? null : acc[0] / acc[1]);
      }
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

  private String workloadSource(String name) {
    if (document.scenario() == null || document.scenario().files() == null) return "";
    for (var e : document.scenario().files().entrySet()) {
      String file = e.getKey().replace('\\', '/');
      String base = file.substring(file.lastIndexOf('/') + 1);
      if (base.equals(name + ".yaml") || base.equals(name + ".yml")) return e.getValue();
    }
    for (var e : document.scenario().files().entrySet()) {
      if (e.getValue() != null && e.getValue().lines().anyMatch(l -> l.strip().equals("name: " + name))) return e.getValue();
    }
    return "";
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
    Map<String, Map<String, List<String>>> byName = new TreeMap<>();
    for (RunResult run : document.runs()) {
      if (run.targetInfo() == null || run.targetInfo().settings() == null) continue;
      run.targetInfo().settings().forEach((k, v) -> {
        List<String> values = byName.computeIfAbsent(k, x -> new LinkedHashMap<>())
            .computeIfAbsent(run.target(), x -> new ArrayList<>());
        String value = v == null ? "null" : v;
        if (!values.contains(value)) values.add(value);
      });
    }
    List<SettingsTable.Row> rows = new ArrayList<>();
    rows.add(new SettingsTable.Row("target mode", targets.stream().map(TargetStyle::mode).toList()));
    rows.add(new SettingsTable.Row("target version", targets.stream().map(t -> t.version().isEmpty() ? "–" : t.version()).toList()));
    byName.forEach((name, perTarget) -> rows.add(new SettingsTable.Row(name,
        targets.stream().map(t -> perTarget.containsKey(t.label()) ? String.join(" / ", perTarget.get(t.label())) : "–").toList())));
    return new SettingsTable(targets, rows);
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
