package io.brokerbench.engine.queue;

import java.util.List;

/**
 * What recovery found when the engine opened its storage.
 *
 * @param segments journal segment files read
 * @param records valid records read
 * @param messagesRecovered messages restored to durable queues
 * @param truncations torn or corrupt tails cut off, one line each naming file, offset and cause
 */
public record RecoveryReport(int segments, long records, long messagesRecovered, List<String> truncations) {
  public RecoveryReport {
    truncations = List.copyOf(truncations);
  }

  /** Nothing to recover: a new or storage-less engine. */
  public static RecoveryReport empty() {
    return new RecoveryReport(0, 0, 0, List.of());
  }
}
