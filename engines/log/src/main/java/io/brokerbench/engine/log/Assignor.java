package io.brokerbench.engine.log;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which member of a group consumes which partition, at every rebalance.
 *
 * <p>Contract: every partition in {@code partitions} whose topic at least one member subscribes to
 * goes to exactly one member that subscribes to it; no other partition is assigned. Implementations
 * are stateless (the previous assignment is passed in) and thread-safe.
 */
public interface Assignor {

  /** The strategy name, e.g. {@code range}. */
  String name();

  /**
   * @param members the group's members in join order
   * @param partitions every partition of every subscribed topic, sorted
   * @param previous the previous assignment by member id (empty at the first rebalance)
   * @return partitions by member id; every member has an entry, possibly empty
   */
  Map<String, Set<TopicPartition>> assign(List<GroupMember> members, List<TopicPartition> partitions,
      Map<String, Set<TopicPartition>> previous);
}
