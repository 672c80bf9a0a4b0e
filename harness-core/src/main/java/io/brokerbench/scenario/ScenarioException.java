package io.brokerbench.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario or workload file could not be loaded. Carries every problem found in one pass, in the
 * order found; {@link #getMessage()} lists them one per line.
 */
public final class ScenarioException extends Exception {
  private final List<Problem> problems;

  /** @param problems at least one */
  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
