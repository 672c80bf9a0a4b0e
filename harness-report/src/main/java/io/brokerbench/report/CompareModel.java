package io.brokerbench.report;

import io.brokerbench.metrics.Better;
import io.brokerbench.metrics.Metric;
import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares two result sets figure by figure: means over ok repetitions with 95% Student-t
 * intervals; a difference counts when the intervals do not overlap. Figures that {@link Differences}
 * makes not comparable (settings, guarantee, workload definition, machine, results schema) are shown
 * but not judged. Pure.
 */
final class CompareModel {
  static final List<Metric> METRICS = List.of(
      Metric.OFFERED, Metric.CONFIRMED, Metric.CONSUMED,
      Metric.PUBLISH_P50, Metric.PUBLISH_P99, Metric.PUBLISH_P999,
      Metric.E2E_P50, Metric.E2E_P99, Metric.E2E_P999, Metric.E2E_MAX,
      Metric.VIOLATIONS, Metric.LOST, Metric.REMOVED, Metric.DUPLICATES, Metric.REDELIVERED,
      Metric.IMBALANCE, Metric.CPU, Metric.RSS);

  private CompareModel() {}

  static ComparePage page(Path folderA, ResultsDocument a, Path folderB, ResultsDocument b) {
    RunGroups groupsA = new RunGroups(a);
    RunGroups groupsB = new RunGroups(b);
    Map<String, TargetStyle> styles = new LinkedHashMap<>();
    for (TargetStyle t : groupsA.targets()) styles.put(t.label(), t);
    for (TargetStyle t : groupsB.targets()) {
      if (!styles.containsKey(t.label())) {
        styles.put(t.label(), TargetStyle.forIndex(styles.size(), t.label(), t.mode(), t.version(), t.reference()));
      }
    }
    Set<String> workloads = new LinkedHashSet<>(groupsA.workloads());
    workloads.addAll(groupsB.workloads());
    Differences differences = Differences.between(a, b);

    List<CompareSection> sections = new ArrayList<>();
    List<CompareRow> flagged = new ArrayList<>();
    int index = 1;
    for (String workload : workloads) {
      CompareSection section = section("c" + index++, workload, groupsA.runs(workload), groupsB.runs(workload), styles,
          differences);
      sections.add(section);
      section.rows().stream().filter(r -> r.verdict().flagged()).forEach(flagged::add);
    }
    List<CompareRow> rows = sections.stream().flatMap(s -> s.rows().stream()).toList();
    long worse = rows.stream().filter(r -> r.verdict() == Verdict.WORSE).count();
    long notComparable = rows.stream().filter(r -> r.verdict() == Verdict.NOT_COMPARABLE).count();
    long unknown = rows.stream().filter(r -> r.verdict() == Verdict.NOISE_UNKNOWN).count();
    String overview = flagged.size() + (flagged.size() == 1 ? " figure" : " figures") + " changed beyond the noise"
        + (flagged.isEmpty() ? "" : " (" + worse + " worse)")
        + (notComparable > 0 ? "; " + notComparable + " not comparable because of the differences listed at the top" : "")
        + (unknown > 0 ? "; " + unknown + " could not be judged because a side has a single repetition (noise unknown)" : "");
    return new ComparePage("brokerbench compare · " + name(a) + " → " + name(b),
        side(folderA, a), side(folderB, b), overview, differences.all(), flagged, sections,
        environment(a.environment(), b.environment()), glossary(), Assets.load().css());
  }

  private static CompareSection section(
      String id, String workload, Map<String, List<RunResult>> a, Map<String, List<RunResult>> b,
      Map<String, TargetStyle> styles, Differences differences) {
    List<String> notes = new ArrayList<>();
    List<CompareRow> rows = new ArrayList<>();
    if (a.isEmpty()) notes.add("Workload " + workload + " is only in B.");
    if (b.isEmpty()) notes.add("Workload " + workload + " is only in A.");
    Set<String> targets = new LinkedHashSet<>(a.keySet());
    targets.addAll(b.keySet());
    for (String target : targets) {
      List<RunResult> runsA = a.getOrDefault(target, List.of());
      List<RunResult> runsB = b.getOrDefault(target, List.of());
      if (runsA.isEmpty() || runsB.isEmpty()) {
        if (!a.isEmpty() && !b.isEmpty()) notes.add(target + " ran " + workload + " only in " + (runsA.isEmpty() ? "B" : "A") + ".");
        continue;
      }
      String statusA = statusSummary(runsA);
      String statusB = statusSummary(runsB);
      if (!statusA.equals(statusB)) notes.add(target + ": " + statusA + " in A, " + statusB + " in B.");
      List<RunResult> okA = ok(runsA);
      List<RunResult> okB = ok(runsB);
      String notComparable = differences.notComparable(workload, target);
      for (Metric m : METRICS) {
        Stats sa = ReportModel.statsOf(okA, m);
        Stats sb = ReportModel.statsOf(okB, m);
        if (sa == null && sb == null) continue;
        Verdict verdict = notComparable != null ? Verdict.NOT_COMPARABLE : Verdict.of(sa, sb, m.better());
        rows.add(new CompareRow(workload, styles.get(target), m.heading(), m.term(), Cell.of(m.id(), m.unit(), sa, false),
            Cell.of(m.id(), m.unit(), sb, false), change(sa, sb), verdict, notComparable == null ? "" : notComparable));
      }
    }
    return new CompareSection(id, workload, notes, rows);
  }

  private static String statusSummary(List<RunResult> runs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RunResult r : runs) {
      String s = r.status() == null ? "failed" : r.status().json();
      if (Saturation.saturated(r)) s = "saturated";
      counts.merge(s, 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((s, n) -> parts.add(n + " " + s));
    return String.join(", ", parts);
  }

  private static List<RunResult> ok(List<RunResult> runs) {
    return runs.stream().filter(r -> r.status() == RunStatus.OK).toList();
  }

  private static String change(Stats a, Stats b) {
    if (a == null || b == null) return "–";
    if (a.mean() == b.mean()) return "0%";
    if (a.mean() == 0) return "from 0";
    return String.format(Locale.ROOT, "%+.1f%%", 100 * (b.mean() - a.mean()) / Math.abs(a.mean()));
  }

  private static String name(ResultsDocument d) {
    return d.runId() == null ? "?" : d.runId();
  }

  private static List<Fact> side(Path folder, ResultsDocument d) {
    EnvironmentRecord env = d.environment();
    return List.of(
        new Fact("folder", folder.toString()),
        new Fact("run id", name(d)),
        new Fact("scenario", d.scenario() == null ? "" : String.valueOf(d.scenario().name())),
        new Fact("started", env == null ? "" : String.valueOf(env.startedAt())));
  }

  private static List<ComparePage.CompareFact> environment(EnvironmentRecord a, EnvironmentRecord b) {
    List<ComparePage.CompareFact> facts = new ArrayList<>();
    facts.add(fact("harness", a, b, EnvironmentRecord::harnessVersion));
    facts.add(fact("git commit", a, b, EnvironmentRecord::gitCommit));
    facts.add(fact("JVM", a, b, EnvironmentRecord::jvm));
    facts.add(fact("OS", a, b, EnvironmentRecord::os));
    facts.add(fact("CPUs", a, b, e -> Integer.toString(e.cpus())));
    facts.add(fact("memory", a, b, e -> String.format(Locale.ROOT, "%.1f GiB", e.memoryBytes() / (1024.0 * 1024 * 1024))));
    facts.add(fact("started", a, b, EnvironmentRecord::startedAt));
    return facts;
  }

  private static ComparePage.CompareFact fact(
      String label, EnvironmentRecord a, EnvironmentRecord b, java.util.function.Function<EnvironmentRecord, String> f) {
    return new ComparePage.CompareFact(label, a == null ? "not recorded" : String.valueOf(f.apply(a)),
        b == null ? "not recorded" : String.valueOf(f.apply(b)));
  }

  private static List<GlossaryEntry> glossary() {
    List<GlossaryEntry> entries = new ArrayList<>();
    for (Verdict v : Verdict.values()) entries.add(new GlossaryEntry(v.text(), switch (v) {
      case BETTER, WORSE -> "The 95% confidence intervals of A and B (Student t over the ok repetitions) do not overlap: the difference is larger than the noise the repetitions show. Better means higher for rates, lower for latencies, errors and resources.";
      case CHANGED -> "The intervals do not overlap, for a figure with no better direction (the offered rate).";
      case WITHIN_NOISE -> "The intervals overlap: the repetitions do not show a difference.";
      case NOISE_UNKNOWN -> "A or B has a single ok repetition, so its noise is unknown and no difference can be judged. Run the scenario with repetitions: 3 or more.";
      case MISSING -> "A or B has no ok run with this figure.";
      case NOT_COMPARABLE -> "A and B differ in something that changes what the figure measures: the results schema version (figures changed meaning), the machine or JVM, the target's applied settings, guarantee or mode, or the workload's definition. Each such difference is listed at the top; the figure is shown but not judged. The harness version, git commit, a target's own version and settings that only say where a run took place (ports, directories, ids) are listed but do not block.";
    }));
    entries.add(new GlossaryEntry("A, B (latencies)", "In a comparison every figure, latencies included, is the mean over the ok repetitions of each repetition's own figure ± its 95% interval: the between-repetition spread, on which \"beyond the noise\" is judged. report.html shows latencies of all repetitions' values together as well."));
    entries.addAll(Glossary.entries());
    return entries;
  }
}
