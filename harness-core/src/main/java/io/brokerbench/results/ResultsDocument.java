package io.brokerbench.results;

import java.util.List;

/**
 * The whole of results.json.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written; readers also accept
 *     {@link #OLDEST_READABLE_VERSION} and mark its figures as not comparable with this version's
 * @param runId identifier of this harness run; queue and topic names carry it
 * @param scenario what was run
 * @param environment where and when
 * @param runs one per target × workload × repetition that ran, in execution order
 * @param planned every run the scenario planned, in execution order, written before the first
 *     starts; empty in schema version 1
 */
public record ResultsDocument(int schemaVersion, String runId, ScenarioRecord scenario, EnvironmentRecord environment,
    List<RunResult> runs, List<PlannedRun> planned) {
  /** The version of the schema these records describe. */
  public static final int SCHEMA_VERSION = 3;

  /** The oldest version readers still accept. */
  public static final int OLDEST_READABLE_VERSION = 1;

  public ResultsDocument {
    runs = List.copyOf(runs);
    planned = planned == null ? List.of() : List.copyOf(planned);
  }

  /** A document that records no plan (as schema version 1 wrote). */
  public ResultsDocument(int schemaVersion, String runId, ScenarioRecord scenario, EnvironmentRecord environment,
      List<RunResult> runs) {
    this(schemaVersion, runId, scenario, environment, runs, List.of());
  }

  /** The planned runs that have no result: they did not run (the harness was killed or stopped). */
  public List<PlannedRun> notRun() {
    return planned.stream().filter(p -> runs.stream().noneMatch(p::is)).toList();
  }
}
