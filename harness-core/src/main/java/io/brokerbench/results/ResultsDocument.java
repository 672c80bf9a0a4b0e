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
 * @param runs one per target × workload × repetition, in execution order
 */
public record ResultsDocument(int schemaVersion, String runId, ScenarioRecord scenario, EnvironmentRecord environment, List<RunResult> runs) {
  /** The version of the schema these records describe. */
  public static final int SCHEMA_VERSION = 2;

  /** The oldest version readers still accept. */
  public static final int OLDEST_READABLE_VERSION = 1;

  public ResultsDocument {
    runs = List.copyOf(runs);
  }
}
