package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.Assignor;
import io.brokerbench.engine.log.GroupMember;
import io.brokerbench.engine.log.TopicPartition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns partitions as the topology plan says: partition {@code p} of a topic of destination
 * {@code d} goes to the member whose index (its consumer index, given at join) is {@link
 * io.brokerbench.plan.TopologyPlan#consumerOf consumerOf(d, p)}. While that member is absent (not yet
 * joined, left, timed out) the partition goes to the least loaded member present, so a group keeps
 * consuming everything and a member that leaves has its partitions taken over. With several
 * members of the same index, the earliest to join is preferred. Stateless and thread-safe.
 */
final class PlanAssignor implements Assignor {
  private final TopicLayout layout;

  PlanAssignor(TopicLayout layout) {
    this.layout = layout;
  }

  @Override
  public String name() {
    return "plan";
  }

  @Override
  public Map<String, Set<TopicPartition>> assign(List<GroupMember> members, List<TopicPartition> partitions,
      Map<String, Set<TopicPartition>> previous) {
    Map<String, Set<TopicPartition>> out = new HashMap<>();
    Map<Integer, GroupMember> byIndex = new HashMap<>();
    for (GroupMember m : members) {
      out.put(m.memberId(), new java.util.TreeSet<>());
      if (m.index() >= 0) byIndex.putIfAbsent(m.index(), m);
    }
    java.util.List<TopicPartition> orphans = new java.util.ArrayList<>();
    for (TopicPartition tp : partitions) {
      int d = layout.destinationOf(tp.topic());
      GroupMember preferred = d < 0 ? null : byIndex.get(layout.plan().consumerOf(d, tp.partition()));
      if (preferred != null && preferred.topics().contains(tp.topic())) {
        out.get(preferred.memberId()).add(tp);
      } else {
        orphans.add(tp);
      }
    }
    for (TopicPartition tp : orphans) {
      GroupMember best = null;
      for (GroupMember m : members) {
        if (!m.topics().contains(tp.topic())) continue;
        if (best == null || out.get(m.memberId()).size() < out.get(best.memberId()).size()) best = m;
      }
      if (best != null) out.get(best.memberId()).add(tp);
    }
    return out;
  }
}
