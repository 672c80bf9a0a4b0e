package io.brokerbench.plan;

import java.util.Locale;

/** How the consumers of one subscription share its queues or partitions ({@code consumers.sharing}). */
public enum ConsumerSharing {
  /**
   * Each consumer owns whole queues or partitions: queue or partition {@code i} of a subscription is
   * consumed only by consumer {@code i mod count}, so per-key order holds wherever the target keeps
   * it per queue or partition; consumers beyond the queue count idle.
   */
  PARTITIONED,
  /**
   * Every consumer of a subscription takes from all its queues or partitions, and each message goes
   * to one of them: the queue model's competing consumers, the log model's share groups. Per-key
   * order is then whatever the target really keeps.
   */
  COMPETING;

  /** The value as written in a workload: {@code partitioned}, {@code competing}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
