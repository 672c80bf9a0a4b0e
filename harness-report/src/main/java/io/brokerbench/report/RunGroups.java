package io.brokerbench.report;

import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a results document grouped by workload, then target, both in the order they first
 * appear (which is scenario order, since the runner interleaves repetitions).
 */
final class RunGroups {
  private final Map<String, Map<String, List<RunResult>>> byWorkload = new LinkedHashMap<>();
  private final Map<String, TargetStyle> targets = new LinkedHashMap<>();

  RunGroups(ResultsDocument document) {
    List<String> labels = new ArrayList<>();
    for (RunResult run : document.runs()) {
      if (!labels.contains(run.target())) labels.add(run.target());
      byWorkload.computeIfAbsent(run.workload(), w -> new LinkedHashMap<>())
          .computeIfAbsent(run.target(), t -> new ArrayList<>()).add(run);
    }
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      String mode = "unknown";
      String version = "";
      String provider = null;
      for (RunResult run : document.runs()) {
        if (run.target().equals(label) && run.targetInfo() != null) {
          mode = run.targetInfo().mode() == null ? "unknown" : run.targetInfo().mode();
          version = run.targetInfo().version() == null ? "" : run.targetInfo().version();
          provider = run.targetInfo().name();
          break;
        }
      }
      targets.put(label, TargetStyle.forIndex(i, label, mode, version, TargetStyle.isReference(label, provider)));
    }
  }

  List<String> workloads() {
    return List.copyOf(byWorkload.keySet());
  }

  /** Target label → its runs of {@code workload}, in repetition order. */
  Map<String, List<RunResult>> runs(String workload) {
    return byWorkload.getOrDefault(workload, Map.of());
  }

  List<TargetStyle> targets() {
    return List.copyOf(targets.values());
  }

  TargetStyle style(String label) {
    return targets.get(label);
  }
}
