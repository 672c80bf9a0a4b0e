package io.brokerbench.engine.log;

import java.util.Map;
import java.util.Set;

/**
 * Told, on the polling thread, that a rebalance takes partitions away from this member, while it
 * still owns them; it returns the offsets to commit for them first (its processed positions), so
 * the new owner does not repeat processed records.
 */
@FunctionalInterface
public interface RevocationListener {
  /**
   * @param revoked partitions about to be released
   * @return offsets (next to consume) to commit for some or all of them; empty to commit nothing
   */
  Map<TopicPartition, Long> onRevoke(Set<TopicPartition> revoked);
}
