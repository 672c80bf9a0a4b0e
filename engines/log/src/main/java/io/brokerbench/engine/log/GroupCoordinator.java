package io.brokerbench.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Consumer-group membership, partition assignment and offset commits, in process.
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>{@link #join} adds a member and starts a rebalance: the generation goes up by one and the
 *       group's {@link Assignor} computes a <em>target</em> assignment for every member. {@link
 *       #leave}, a session timeout (no call from the member for longer than its session timeout) and
 *       a change in the topics a subscription resolves to do the same.
 *   <li>A member calls {@link #heartbeat} often (every poll); it learns the current generation and
 *       its target, and keeps its session alive.
 *   <li>When the generation changed, the member may commit its positions for partitions it still
 *       owns (commit-on-revoke), then calls {@link #sync}: partitions it owns but is no longer
 *       assigned are released, and target partitions that nobody owns are granted to it. A target
 *       partition still owned by another member is granted at a later sync, after that member
 *       released it (or timed out): at no time do two members own one partition.
 *   <li>{@link #commit} is accepted only from a known member, with the current generation, for
 *       partitions it owns; anything else is refused ({@link StaleGenerationException}, {@link
 *       UnknownMemberException}). So a member that missed a rebalance cannot move a partition's
 *       committed offset under its new owner, and records past the last accepted commit are
 *       delivered again (at-least-once).
 * </ol>
 *
 * <h2>Threading</h2>
 * Thread-safe. Each group has its own monitor; groups do not contend. Members' {@link DataSignal}s
 * are signalled after a rebalance or release so that members blocked in a long poll react at once.
 * Session timeouts are checked on every call into the group, with the injected {@link Time}.
 */
public final class GroupCoordinator {
  private final Supplier<Map<String, Integer>> topics;
  private final OffsetStore offsets;
  private final Time time;
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  private final AtomicLong memberIds = new AtomicLong();

  GroupCoordinator(Supplier<Map<String, Integer>> topics, OffsetStore offsets, Time time) {
    this.topics = topics;
    this.offsets = offsets;
    this.time = time;
  }

  /**
   * What a member learns from a heartbeat.
   *
   * @param generation the group's current generation
   * @param target the partitions the member is assigned in that generation
   * @param owned the partitions it owns now (a subset of earlier and current targets)
   */
  public record Heartbeat(int generation, Set<TopicPartition> target, Set<TopicPartition> owned) {
    /** Whether the member must call {@link GroupCoordinator#sync} (new generation or grants pending). */
    public boolean needsSync(int knownGeneration) {
      return generation != knownGeneration || !target.equals(owned);
    }
  }

  private static final class Member {
    final String id;
    final Subscription subscription;
    final int index;
    final long sessionTimeoutNanos;
    final DataSignal signal;
    long lastSeenNanos;
    Set<TopicPartition> target = new TreeSet<>();
    final Set<TopicPartition> owned = new TreeSet<>();

    Member(String id, Subscription subscription, int index, long sessionTimeoutNanos, DataSignal signal, long now) {
      this.id = id;
      this.subscription = subscription;
      this.index = index;
      this.sessionTimeoutNanos = sessionTimeoutNanos;
      this.signal = signal;
      this.lastSeenNanos = now;
    }
  }

  private final class Group {
    final String id;
    final Assignor assignor;
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<TopicPartition, String> owner = new HashMap<>();
    int generation;
    Set<String> resolvedTopics = Set.of();

    Group(String id, Assignor assignor) {
      this.id = id;
      this.assignor = assignor;
    }

    /** Removes members whose session timed out and rebalances if any was removed. */
    void expire(long now) {
      boolean changed = false;
      Iterator<Member> it = members.values().iterator();
      while (it.hasNext()) {
        Member m = it.next();
        if (now - m.lastSeenNanos > m.sessionTimeoutNanos) {
          it.remove();
          release(m, m.owned);
          changed = true;
        }
      }
      if (changed) rebalance();
    }

    /** Rebalances when the topics the subscriptions resolve to changed (a topic was created). */
    void refreshTopics() {
      if (!resolve().equals(resolvedTopics)) rebalance();
    }

    Set<String> resolve() {
      Set<String> out = new TreeSet<>();
      Map<String, Integer> all = topics.get();
      for (Member m : members.values()) {
        for (String t : all.keySet()) if (m.subscription.covers(t)) out.add(t);
      }
      return out;
    }

    void rebalance() {
      generation++;
      Map<String, Integer> all = topics.get();
      List<GroupMember> view = new ArrayList<>();
      List<TopicPartition> partitions = new ArrayList<>();
      Set<String> used = new TreeSet<>();
      for (Member m : members.values()) {
        Set<String> mine = new HashSet<>();
        for (String t : all.keySet()) if (m.subscription.covers(t)) mine.add(t);
        used.addAll(mine);
        view.add(new GroupMember(m.id, mine, m.index));
      }
      for (String t : used) {
        for (int p = 0; p < all.get(t); p++) partitions.add(new TopicPartition(t, p));
      }
      resolvedTopics = used;
      Map<String, Set<TopicPartition>> previous = new HashMap<>();
      for (Member m : members.values()) previous.put(m.id, m.target);
      Map<String, Set<TopicPartition>> assigned = assignor.assign(view, partitions, previous);
      checkAssignment(assigned, view, partitions);
      for (Member m : members.values()) {
        m.target = new TreeSet<>(assigned.getOrDefault(m.id, Set.of()));
      }
      for (Member m : members.values()) m.signal.signal();
    }

    void checkAssignment(Map<String, Set<TopicPartition>> assigned, List<GroupMember> view, List<TopicPartition> partitions) {
      Set<TopicPartition> seen = new HashSet<>();
      for (Map.Entry<String, Set<TopicPartition>> e : assigned.entrySet()) {
        if (!members.containsKey(e.getKey())) {
          throw new IllegalStateException("assignor " + assignor.name() + " assigned to unknown member " + e.getKey());
        }
        for (TopicPartition tp : e.getValue()) {
          if (!seen.add(tp)) throw new IllegalStateException("assignor " + assignor.name() + " assigned " + tp + " twice");
        }
      }
      for (TopicPartition tp : partitions) {
        boolean anyone = false;
        for (GroupMember m : view) anyone |= m.topics().contains(tp.topic());
        if (anyone && !seen.contains(tp)) {
          throw new IllegalStateException("assignor " + assignor.name() + " left " + tp + " unassigned");
        }
      }
    }

    void release(Member m, Set<TopicPartition> tps) {
      boolean any = false;
      for (TopicPartition tp : new ArrayList<>(tps)) {
        if (m.id.equals(owner.get(tp))) {
          owner.remove(tp);
          any = true;
        }
        m.owned.remove(tp);
      }
      if (any) {
        for (Member other : members.values()) if (other != m) other.signal.signal();
      }
    }

    Member member(String memberId) {
      Member m = members.get(memberId);
      if (m == null) {
        throw new UnknownMemberException("group " + id + " has no member " + memberId
            + " (it left or its session timed out); join again");
      }
      return m;
    }
  }

  /**
   * Adds a member and rebalances.
   *
   * @param assignor the strategy; every member of a group must name the same one
   * @param index the member's hint for custom assignors (e.g. its consumer index), or -1
   * @param sessionTimeoutNanos removed when silent for longer, at least 1 ms
   * @param signal signalled when the member should look at the group again
   * @return the new member id
   * @throws IllegalArgumentException when the group uses another assignor
   */
  public String join(String groupId, Subscription subscription, Assignor assignor, int index, long sessionTimeoutNanos,
      DataSignal signal) {
    if (sessionTimeoutNanos < 1_000_000) {
      throw new IllegalArgumentException("session timeout must be at least 1ms, was " + sessionTimeoutNanos + "ns");
    }
    Group g = groups.computeIfAbsent(groupId, id -> new Group(id, assignor));
    synchronized (g) {
      long now = time.nanos();
      g.expire(now);
      if (!g.assignor.name().equals(assignor.name())) {
        if (g.members.isEmpty()) {
          Group fresh = new Group(groupId, assignor);
          groups.put(groupId, fresh);
          return join(groupId, subscription, assignor, index, sessionTimeoutNanos, signal);
        }
        throw new IllegalArgumentException("group " + groupId + " uses assignment strategy " + g.assignor.name()
            + "; a member asked for " + assignor.name());
      }
      String id = groupId + "-member-" + memberIds.incrementAndGet();
      g.members.put(id, new Member(id, subscription, index, sessionTimeoutNanos, signal, now));
      g.rebalance();
      return id;
    }
  }

  /**
   * Keeps the member's session alive and tells it the generation and its target.
   *
   * @throws UnknownMemberException when the member left or timed out
   */
  public Heartbeat heartbeat(String groupId, String memberId) {
    Group g = group(groupId);
    synchronized (g) {
      long now = time.nanos();
      Member m = g.members.get(memberId);
      if (m != null) m.lastSeenNanos = now;
      g.expire(now);
      m = g.member(memberId);
      return new Heartbeat(g.generation, Set.copyOf(m.target), Set.copyOf(m.owned));
    }
  }

  /**
   * Only keeps the member's session alive (no rebalance, no sync): for a member busy processing
   * records between polls. Does nothing for an unknown member.
   */
  public void touch(String groupId, String memberId) {
    Group g = groups.get(groupId);
    if (g == null) return;
    synchronized (g) {
      Member m = g.members.get(memberId);
      if (m != null) m.lastSeenNanos = time.nanos();
    }
  }

  /**
   * Releases partitions the member owns but is no longer assigned, and grants it the target
   * partitions nobody owns.
   *
   * @return the partitions the member owns afterwards
   * @throws StaleGenerationException when {@code generation} is not the group's current one
   * @throws UnknownMemberException when the member left or timed out
   */
  public Set<TopicPartition> sync(String groupId, String memberId, int generation) {
    Group g = group(groupId);
    synchronized (g) {
      long now = time.nanos();
      Member m = g.members.get(memberId);
      if (m != null) m.lastSeenNanos = now;
      g.expire(now);
      m = g.member(memberId);
      if (generation != g.generation) {
        throw new StaleGenerationException("group " + g.id + ": member " + memberId + " synced with generation "
            + generation + " but the group is at generation " + g.generation);
      }
      Set<TopicPartition> revoked = new TreeSet<>(m.owned);
      revoked.removeAll(m.target);
      g.release(m, revoked);
      for (TopicPartition tp : m.target) {
        if (!g.owner.containsKey(tp)) {
          g.owner.put(tp, m.id);
          m.owned.add(tp);
        }
      }
      return Set.copyOf(m.owned);
    }
  }

  /**
   * Commits offsets (the next offset to consume, per partition) for a member.
   *
   * @throws StaleGenerationException when the generation is not current or the member does not own
   *     every partition named
   * @throws UnknownMemberException when the member left or timed out
   */
  public void commit(String groupId, String memberId, int generation, Map<TopicPartition, Long> positions) {
    Group g = group(groupId);
    synchronized (g) {
      long now = time.nanos();
      Member m = g.members.get(memberId);
      if (m != null) m.lastSeenNanos = now;
      g.expire(now);
      m = g.member(memberId);
      if (generation != g.generation) {
        throw new StaleGenerationException("group " + g.id + ": commit from member " + memberId + " with generation "
            + generation + " refused; the group is at generation " + g.generation);
      }
      for (TopicPartition tp : positions.keySet()) {
        if (!m.owned.contains(tp)) {
          throw new StaleGenerationException("group " + g.id + ": commit from member " + memberId + " for " + tp
              + " refused; it does not own that partition in generation " + g.generation);
        }
      }
      store(groupId, positions);
    }
  }

  /**
   * Commits for a consumer that assigned partitions itself (no membership); refused while the group
   * has members, as Kafka does.
   */
  public void commitUnmanaged(String groupId, Map<TopicPartition, Long> positions) {
    Group g = groups.get(groupId);
    if (g != null) {
      synchronized (g) {
        g.expire(time.nanos());
        if (!g.members.isEmpty()) {
          throw new StaleGenerationException("group " + groupId + " has active members; a consumer outside the group may not commit for it");
        }
        store(groupId, positions);
        return;
      }
    }
    store(groupId, positions);
  }

  private void store(String groupId, Map<TopicPartition, Long> positions) {
    try {
      offsets.commit(groupId, positions);
    } catch (IOException e) {
      throw new UncheckedIOException("group " + groupId + ": could not write committed offsets", e);
    }
  }

  /** Removes the member, releasing its partitions, and rebalances. Does nothing for an unknown member. */
  public void leave(String groupId, String memberId) {
    Group g = groups.get(groupId);
    if (g == null) return;
    synchronized (g) {
      Member m = g.members.remove(memberId);
      if (m == null) return;
      g.release(m, m.owned);
      g.rebalance();
    }
  }

  /** Re-resolves pattern subscriptions of every group after topics were created. */
  void topicsChanged() {
    for (Group g : groups.values()) {
      synchronized (g) {
        g.expire(time.nanos());
        g.refreshTopics();
      }
    }
  }

  /** Committed offset of {@code tp} for the group, or -1. */
  public long committed(String groupId, TopicPartition tp) {
    return offsets.committed(groupId, tp);
  }

  /** Every committed offset of the group. */
  public Map<TopicPartition, Long> committed(String groupId) {
    return offsets.committed(groupId);
  }

  /** The group's current generation, 0 before anyone joined. */
  public int generation(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) return 0;
    synchronized (g) {
      g.expire(time.nanos());
      return g.generation;
    }
  }

  /** Current owners: partition → member id (for tests and diagnostics). */
  public Map<TopicPartition, String> owners(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) return Map.of();
    synchronized (g) {
      g.expire(time.nanos());
      return Map.copyOf(g.owner);
    }
  }

  /** Current targets: member id → partitions (for tests and diagnostics). */
  public Map<String, Set<TopicPartition>> targets(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) return Map.of();
    synchronized (g) {
      g.expire(time.nanos());
      Map<String, Set<TopicPartition>> out = new LinkedHashMap<>();
      for (Member m : g.members.values()) out.put(m.id, Set.copyOf(m.target));
      return out;
    }
  }

  private Group group(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) throw new UnknownMemberException("no group " + groupId);
    return g;
  }
}
