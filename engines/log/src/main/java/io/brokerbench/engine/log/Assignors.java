package io.brokerbench.engine.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The built-in assignment strategies: range, round-robin and sticky, as Kafka defines them. */
public final class Assignors {
  private Assignors() {}

  /**
   * Per topic, the partitions in order are cut into contiguous ranges, one per subscribed member
   * (members sorted by id); the first {@code partitions % members} members get one extra.
   */
  public static final Assignor RANGE = new Assignor() {
    @Override
    public String name() {
      return "range";
    }

    @Override
    public Map<String, Set<TopicPartition>> assign(List<GroupMember> members, List<TopicPartition> partitions,
        Map<String, Set<TopicPartition>> previous) {
      Map<String, Set<TopicPartition>> out = empty(members);
      Map<String, List<TopicPartition>> byTopic = new TreeMap<>();
      for (TopicPartition tp : partitions) byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp);
      for (Map.Entry<String, List<TopicPartition>> e : byTopic.entrySet()) {
        List<GroupMember> subscribed = sortedSubscribers(members, e.getKey());
        if (subscribed.isEmpty()) continue;
        List<TopicPartition> tps = e.getValue();
        int per = tps.size() / subscribed.size();
        int extra = tps.size() % subscribed.size();
        int next = 0;
        for (int i = 0; i < subscribed.size(); i++) {
          int n = per + (i < extra ? 1 : 0);
          for (int j = 0; j < n; j++) out.get(subscribed.get(i).memberId()).add(tps.get(next++));
        }
      }
      return out;
    }
  };

  /** All partitions in order, dealt one at a time to the subscribed members sorted by id, in turn. */
  public static final Assignor ROUND_ROBIN = new Assignor() {
    @Override
    public String name() {
      return "roundRobin";
    }

    @Override
    public Map<String, Set<TopicPartition>> assign(List<GroupMember> members, List<TopicPartition> partitions,
        Map<String, Set<TopicPartition>> previous) {
      Map<String, Set<TopicPartition>> out = empty(members);
      List<GroupMember> sorted = new ArrayList<>(members);
      sorted.sort(Comparator.comparing(GroupMember::memberId));
      int turn = 0;
      for (TopicPartition tp : partitions) {
        for (int tries = 0; tries < sorted.size(); tries++) {
          GroupMember m = sorted.get(turn++ % sorted.size());
          if (m.topics().contains(tp.topic())) {
            out.get(m.memberId()).add(tp);
            break;
          }
        }
      }
      return out;
    }
  };

  /**
   * Keeps every partition with its previous owner where that owner is still here, subscribed and not
   * over its fair share ({@code ceil(partitions / members)}); hands the rest to the least loaded
   * subscribed member. Moves as few partitions as balance allows.
   */
  public static final Assignor STICKY = new Assignor() {
    @Override
    public String name() {
      return "sticky";
    }

    @Override
    public Map<String, Set<TopicPartition>> assign(List<GroupMember> members, List<TopicPartition> partitions,
        Map<String, Set<TopicPartition>> previous) {
      Map<String, Set<TopicPartition>> out = empty(members);
      if (members.isEmpty()) return out;
      Map<String, GroupMember> byId = new LinkedHashMap<>();
      for (GroupMember m : members) byId.put(m.memberId(), m);
      Set<TopicPartition> all = new TreeSet<>(partitions);
      int quota = (partitions.size() + members.size() - 1) / members.size();
      Map<TopicPartition, String> kept = new HashMap<>();
      for (Map.Entry<String, Set<TopicPartition>> e : previous.entrySet()) {
        GroupMember m = byId.get(e.getKey());
        if (m == null) continue;
        for (TopicPartition tp : new TreeSet<>(e.getValue())) {
          if (all.contains(tp) && m.topics().contains(tp.topic()) && !kept.containsKey(tp) && out.get(m.memberId()).size() < quota) {
            out.get(m.memberId()).add(tp);
            kept.put(tp, m.memberId());
          }
        }
      }
      for (TopicPartition tp : partitions) {
        if (kept.containsKey(tp)) continue;
        GroupMember best = null;
        for (GroupMember m : members) {
          if (!m.topics().contains(tp.topic())) continue;
          if (best == null || out.get(m.memberId()).size() < out.get(best.memberId()).size()) best = m;
        }
        if (best != null) out.get(best.memberId()).add(tp);
      }
      // Balance: move a partition from a member holding at least two more than another, when the
      // receiver subscribes to its topic. Each move lowers the spread, so the loop ends.
      boolean moved = true;
      while (moved) {
        moved = false;
        for (GroupMember rich : members) {
          Set<TopicPartition> richSet = out.get(rich.memberId());
          for (GroupMember poor : members) {
            Set<TopicPartition> poorSet = out.get(poor.memberId());
            if (richSet.size() - poorSet.size() < 2) continue;
            TopicPartition movable = null;
            for (TopicPartition tp : richSet) {
              if (poor.topics().contains(tp.topic())) {
                movable = tp;
                break;
              }
            }
            if (movable != null) {
              richSet.remove(movable);
              poorSet.add(movable);
              moved = true;
            }
          }
        }
      }
      return out;
    }
  };

  /**
   * The strategy named {@code name}: {@code range}, {@code roundRobin} (or {@code round-robin}) or
   * {@code sticky}, case-insensitive.
   */
  public static Assignor byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "range" -> RANGE;
      case "roundrobin" -> ROUND_ROBIN;
      case "sticky" -> STICKY;
      default -> throw new IllegalArgumentException("assignment strategy must be range, roundRobin or sticky, found '" + name + "'");
    };
  }

  static Map<String, Set<TopicPartition>> empty(List<GroupMember> members) {
    Map<String, Set<TopicPartition>> out = new LinkedHashMap<>();
    for (GroupMember m : members) out.put(m.memberId(), new TreeSet<>());
    return out;
  }

  private static List<GroupMember> sortedSubscribers(List<GroupMember> members, String topic) {
    List<GroupMember> out = new ArrayList<>();
    for (GroupMember m : members) if (m.topics().contains(topic)) out.add(m);
    out.sort(Comparator.comparing(GroupMember::memberId));
    return out;
  }
}
