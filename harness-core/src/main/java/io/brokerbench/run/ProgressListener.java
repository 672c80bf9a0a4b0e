package io.brokerbench.run;

import io.brokerbench.results.RunResult;

/**
 * What the runner tells its user while it works. Called from the runner's threads (the sampler calls
 * {@link #tick} about once a second); implementations must be quick and thread-safe.
 */
public interface ProgressListener {
  /** Does nothing; for tests. */
  ProgressListener NONE = new ProgressListener() {};

  /** Run {@code index} (1-based) of {@code total} starts. */
  default void runStarted(String target, String workload, int repetition, int index, int total) {}

  /** About once a second during a run. */
  default void tick(RunProgress progress) {}

  /** A run ended, whatever its status. */
  default void runFinished(RunResult result) {}

  /** A one-line message from the runner or a target (e.g. the provisioning chosen). */
  default void message(String line) {}
}
