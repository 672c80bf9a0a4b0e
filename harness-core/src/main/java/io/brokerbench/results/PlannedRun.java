package io.brokerbench.results;

/**
 * One run a scenario planned: a target label × workload × repetition. Runs the results do not hold
 * (a killed harness, a stop request) show as planned but not run.
 *
 * @param target the target's label
 * @param workload the workload's name
 * @param repetition 1-based
 */
public record PlannedRun(String target, String workload, int repetition) {

  /** Whether {@code run} is this planned run. */
  public boolean is(RunResult run) {
    return target.equals(run.target()) && workload.equals(run.workload()) && repetition == run.repetition();
  }
}
