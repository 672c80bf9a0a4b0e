package io.brokerbench.results;

/**
 * One span of a run's timeline: a phase now; load changes and faults extend it.
 *
 * @param kind what the span is: {@code phase}
 * @param name which one: for a phase {@code warmup}, {@code measure}, {@code drain} or {@code teardown}
 * @param startSeconds when it began, in seconds from the run's start (warm-up begins at 0)
 * @param endSeconds when it ended, in seconds from the run's start, ≥ {@code startSeconds}
 */
public record TimelineEntry(String kind, String name, double startSeconds, double endSeconds) {
  /** The kind of the run's phases. */
  public static final String PHASE = "phase";
}
