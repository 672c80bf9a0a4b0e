package io.brokerbench.report;

import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.spi.SettingRenames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything besides the figures that differs between result sets A and B, and which figures each
 * difference makes not comparable, so that compare judges like with like:
 * <ul>
 *   <li>the results schema version: figures changed meaning between versions, so every figure of a
 *       version-1 set against a version-2 set is not comparable;
 *   <li>the machine and JVM (JVM, OS, CPUs, memory): every figure;
 *   <li>a target's applied settings, guarantee or mode: that target's figures in every workload.
 *       Settings recorded under a name or value since renamed are read under the new one ({@link
 *       SettingRenames#upgrade}), so results from before a rename compare with results after it;
 *   <li>a workload's definition as written: every figure of that workload.
 * </ul>
 * Listed only, since they are what a comparison is normally about: the harness version and git
 * commit, a target's own version, and settings that describe where a run took place rather than how
 * the target was set up ({@link #isRunSpecific}). Pure.
 */
final class Differences {
  /** Where a target ran, not how it was set up: ports, directories, log files, ids, start-up times. */
  private static final Pattern RUN_SPECIFIC = Pattern.compile(
      "(.*[.\\-]port|.*directory|.*[.\\-]dir|.*\\.log|.*\\.id|.*time\\.to\\.ready.*|.*\\.format\\.ms|local\\.node|local\\.epmd"
          + "|provision\\.reason|bootstrap-servers|external\\.uri-source|external\\.bootstrap\\.source)",
      Pattern.CASE_INSENSITIVE);

  private enum Scope { EVERY_FIGURE, TARGET, WORKLOAD, LISTED_ONLY }

  private record Entry(Difference difference, Scope scope, String name, String reason) {}

  private final List<Entry> entries = new ArrayList<>();

  private Differences() {}

  static Differences between(ResultsDocument a, ResultsDocument b) {
    Differences d = new Differences();
    d.schema(a, b);
    d.environment(a.environment(), b.environment());
    d.targets(a, b);
    d.workloads(a, b);
    return d;
  }

  /** Every difference, those that make figures not comparable first, each group in the order found. */
  List<Difference> all() {
    List<Difference> out = new ArrayList<>();
    for (Entry e : entries) if (e.scope != Scope.LISTED_ONLY) out.add(e.difference);
    for (Entry e : entries) if (e.scope == Scope.LISTED_ONLY) out.add(e.difference);
    return out;
  }

  /**
   * Why the figures of {@code target} in {@code workload} cannot be compared between A and B, each
   * blocking difference that concerns them joined with "; ", or {@code null} when they can.
   */
  String notComparable(String workload, String target) {
    Set<String> reasons = new LinkedHashSet<>();
    for (Entry e : entries) {
      boolean concerns = switch (e.scope) {
        case EVERY_FIGURE -> true;
        case TARGET -> e.name.equals(target);
        case WORKLOAD -> e.name.equals(workload);
        case LISTED_ONLY -> false;
      };
      if (concerns) reasons.add(e.reason);
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  /**
   * Whether a setting describes where a run took place rather than how its target was set up, so a
   * different value does not make figures not comparable: ports, directories and log files, ids
   * (container, cluster, node), start-up times, the provisioning reason, bootstrap addresses and
   * where an address came from.
   */
  static boolean isRunSpecific(String setting) {
    return RUN_SPECIFIC.matcher(setting).matches();
  }

  private void add(Scope scope, String name, String reason, String kind, String subject, String a, String b,
      List<String> detail, String effect) {
    entries.add(new Entry(new Difference(kind, subject, a, b, detail, scope != Scope.LISTED_ONLY, effect), scope, name,
        reason));
  }

  private void schema(ResultsDocument a, ResultsDocument b) {
    if (a.schemaVersion() == b.schemaVersion()) return;
    if (Math.min(a.schemaVersion(), b.schemaVersion()) >= 2) {
      add(Scope.LISTED_ONLY, "", "results schema " + a.schemaVersion() + " vs " + b.schemaVersion(), "results schema",
          "schemaVersion", Integer.toString(a.schemaVersion()), Integer.toString(b.schemaVersion()), List.of(),
          "figures keep their meaning from version 2 on; version 3 adds per-consumer records and counts a message the"
              + " harness rejected without requeue as removed, which version 2 never did");
      return;
    }
    add(Scope.EVERY_FIGURE, "", "results schema " + a.schemaVersion() + " vs " + b.schemaVersion(), "results schema",
        "schemaVersion", Integer.toString(a.schemaVersion()), Integer.toString(b.schemaVersion()), List.of(),
        "every figure not comparable: figures changed meaning between schema versions 1 and 2 (rates over the window,"
            + " saturation per producer and subscription, duplicates under ack: auto, removed messages apart from lost,"
            + " latencies over repetitions from merged histograms)");
  }

  private void environment(EnvironmentRecord a, EnvironmentRecord b) {
    listedOnly(a, b, "harness", EnvironmentRecord::harnessVersion, "the code being compared");
    listedOnly(a, b, "git commit", EnvironmentRecord::gitCommit, "the code being compared");
    everyFigure(a, b, "JVM", EnvironmentRecord::jvm);
    everyFigure(a, b, "OS", EnvironmentRecord::os);
    everyFigure(a, b, "CPUs", e -> Integer.toString(e.cpus()));
    everyFigure(a, b, "memory", e -> String.format(Locale.ROOT, "%.1f GiB", e.memoryBytes() / (1024.0 * 1024 * 1024)));
  }

  private void listedOnly(EnvironmentRecord a, EnvironmentRecord b, String fact, Function<EnvironmentRecord, String> f,
      String why) {
    String va = envValue(a, f);
    String vb = envValue(b, f);
    if (va.equals(vb)) return;
    add(Scope.LISTED_ONLY, "", "", "environment", fact, va, vb, List.of(), "listed only: " + why);
  }

  private void everyFigure(EnvironmentRecord a, EnvironmentRecord b, String fact, Function<EnvironmentRecord, String> f) {
    String va = envValue(a, f);
    String vb = envValue(b, f);
    if (va.equals(vb)) return;
    add(Scope.EVERY_FIGURE, "", fact + " differs", "environment", fact, va, vb, List.of(),
        "every figure not comparable: measured on a different machine or JVM");
  }

  private static String envValue(EnvironmentRecord env, Function<EnvironmentRecord, String> f) {
    return env == null ? "not recorded" : String.valueOf(f.apply(env));
  }

  /** What one target applied over its runs that opened: distinct values per setting, modes, versions, guarantees. */
  private static final class Applied {
    final Map<String, Set<String>> settings = new LinkedHashMap<>();
    final Map<String, Set<String>> shown = new LinkedHashMap<>();
    final Set<String> modes = new TreeSet<>();
    final Set<String> versions = new TreeSet<>();
    final List<GuaranteeRecord> guarantees = new ArrayList<>();
    boolean anyGuaranteeMissing;
    boolean opened;

    Applied(List<RunResult> runs, String runId) {
      for (RunResult run : runs) {
        if (run.targetInfo() == null) continue;
        opened = true;
        modes.add(String.valueOf(run.targetInfo().mode()));
        versions.add(String.valueOf(run.targetInfo().version()));
        GuaranteeRecord g = run.targetInfo().guarantee();
        if (g == null) anyGuaranteeMissing = true;
        else if (guarantees.stream().noneMatch(g::sameAs)) guarantees.add(g);
        if (run.targetInfo().settings() == null) continue;
        SettingRenames.upgrade(run.targetInfo().name(), run.targetInfo().settings()).forEach((k, v) -> {
          SettingValue value = SettingValue.of(v);
          String key = value.comparisonKey();
          if (runId != null && !runId.isEmpty()) key = key.replace(runId, "<run id>");
          settings.computeIfAbsent(k, x -> new TreeSet<>()).add(key);
          shown.computeIfAbsent(k, x -> new TreeSet<>()).add(value.text());
        });
      }
    }

    String guaranteeText() {
      List<String> texts = new ArrayList<>();
      for (GuaranteeRecord g : guarantees) texts.add(Guarantees.text(g));
      if (anyGuaranteeMissing) texts.add(Guarantees.NOT_RECORDED);
      return String.join(" / ", texts);
    }

    boolean sameGuarantees(Applied o) {
      if (anyGuaranteeMissing != o.anyGuaranteeMissing) return false;
      for (GuaranteeRecord g : guarantees) if (o.guarantees.stream().noneMatch(g::sameAs)) return false;
      for (GuaranteeRecord g : o.guarantees) if (guarantees.stream().noneMatch(g::sameAs)) return false;
      return true;
    }
  }

  private void targets(ResultsDocument a, ResultsDocument b) {
    Map<String, List<RunResult>> runsA = byTarget(a);
    Map<String, List<RunResult>> runsB = byTarget(b);
    for (String target : runsA.keySet()) {
      if (!runsB.containsKey(target)) continue;
      Applied pa = new Applied(runsA.get(target), a.runId());
      Applied pb = new Applied(runsB.get(target), b.runId());
      if (!pa.opened || !pb.opened) continue;
      if (!pa.modes.equals(pb.modes)) {
        add(Scope.TARGET, target, target + ": mode differs", "target mode", target, String.join(" / ", pa.modes),
            String.join(" / ", pb.modes), List.of(), "figures of " + target + " not comparable");
      }
      if (!pa.sameGuarantees(pb)) {
        add(Scope.TARGET, target, target + ": guarantee differs", "guarantee", target, pa.guaranteeText(),
            pb.guaranteeText(), List.of(), "figures of " + target + " not comparable: a confirm promised something else");
      }
      Set<String> names = new LinkedHashSet<>(pa.settings.keySet());
      names.addAll(pb.settings.keySet());
      for (String name : names) {
        Set<String> va = pa.settings.getOrDefault(name, Set.of());
        Set<String> vb = pb.settings.getOrDefault(name, Set.of());
        if (va.equals(vb)) continue;
        String shownA = pa.shown.containsKey(name) ? String.join(" / ", pa.shown.get(name)) : "not set";
        String shownB = pb.shown.containsKey(name) ? String.join(" / ", pb.shown.get(name)) : "not set";
        if (isRunSpecific(name)) {
          add(Scope.LISTED_ONLY, target, "", "target setting", target + " · " + name, shownA, shownB, List.of(),
              "listed only: where the run took place, not how the target was set up");
        } else {
          add(Scope.TARGET, target, target + ": setting " + name + " differs", "target setting", target + " · " + name,
              shownA, shownB, List.of(), "figures of " + target + " not comparable");
        }
      }
      if (!pa.versions.equals(pb.versions)) {
        add(Scope.LISTED_ONLY, target, "", "target version", target, String.join(" / ", pa.versions),
            String.join(" / ", pb.versions), List.of(), "listed only: the target's own version, what is being compared");
      }
    }
  }

  private void workloads(ResultsDocument a, ResultsDocument b) {
    Set<String> inA = new LinkedHashSet<>();
    a.runs().forEach(r -> inA.add(r.workload()));
    Set<String> inB = new LinkedHashSet<>();
    b.runs().forEach(r -> inB.add(r.workload()));
    for (String workload : inA) {
      if (!inB.contains(workload)) continue;
      String da = WorkloadSources.definition(a.scenario(), workload);
      String db = WorkloadSources.definition(b.scenario(), workload);
      if (da.isEmpty() && db.isEmpty()) continue;
      if (da.isEmpty() || db.isEmpty()) {
        add(Scope.LISTED_ONLY, workload, "", "workload definition", workload, da.isEmpty() ? "not recorded" : "recorded",
            db.isEmpty() ? "not recorded" : "recorded", List.of(), "listed only: one side did not record it, so it cannot be checked");
        continue;
      }
      if (WorkloadSources.same(da, db)) continue;
      List<String> detail = new ArrayList<>();
      WorkloadSources.linesOnlyIn(da, db).forEach(l -> detail.add("A: " + l));
      WorkloadSources.linesOnlyIn(db, da).forEach(l -> detail.add("B: " + l));
      add(Scope.WORKLOAD, workload, "workload " + workload + " defined differently", "workload definition", workload,
          "as written in A", "as written in B", detail, "every figure of " + workload + " not comparable");
    }
  }

  private static Map<String, List<RunResult>> byTarget(ResultsDocument d) {
    Map<String, List<RunResult>> out = new LinkedHashMap<>();
    for (RunResult r : d.runs()) out.computeIfAbsent(Objects.requireNonNullElse(r.target(), ""), x -> new ArrayList<>()).add(r);
    return out;
  }
}
