package io.brokerbench.scenario;

import java.util.List;
import java.util.Map;

/**
 * A validated scenario: which targets run which workloads, how many times.
 *
 * @param name the scenario's name; the default results folder starts with it
 * @param description free text
 * @param targets in the order written; labels unique
 * @param workloads in the order written; names unique
 * @param repetitions how often each target × workload runs, at least 1; interleaved across targets
 * @param files every file read (the scenario and referenced workloads), path → text, for the results
 */
public record Scenario(
    String name, String description, List<TargetRef> targets, List<Workload> workloads, int repetitions,
    Map<String, String> files) {
  public Scenario {
    if (repetitions < 1) throw new IllegalArgumentException("repetitions must be >= 1, was " + repetitions);
    if (description == null) description = "";
    targets = List.copyOf(targets);
    workloads = List.copyOf(workloads);
    files = Map.copyOf(files);
  }
}
