package io.brokerbench.engine.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Share groups (KIP-932): members of one group take records of the same partitions competitively,
 * each record individually, through a {@link SharePartition} per (group, partition).
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>{@link ShareConsumer#subscribe} joins the group: the member may fetch from every partition of
 *       the topics it names (there is no exclusive assignment). Partitions the group has no state for
 *       get it now, starting at the log start or end per {@link ShareGroupConfig#autoOffsetReset()};
 *       partitions of a topic created later get it when the topic is created.
 *   <li>A poll acquires records (each is ACQUIRED by one member, with a lock until now plus {@link
 *       ShareGroupConfig#recordLockDuration()}), then the member acknowledges each one (or implicitly
 *       accepts them all).
 *   <li>A member that closes leaves: the records it holds become AVAILABLE again (their delivery
 *       counted). A member that stops without closing (a crash) is not detected: its records come
 *       back when their locks time out. There is no session timeout.
 * </ol>
 * Share-partition state lives in memory only: a new engine on the same directory starts every share
 * group afresh (per {@code autoOffsetReset}), and the group settings, archive counts and members are
 * gone with it.
 *
 * <h2>Threading</h2>
 * Thread-safe. Membership changes hold the group's monitor; record state changes hold only the
 * share-partition's monitor, so acknowledgements on different partitions do not contend. Members'
 * {@link DataSignal}s are signalled whenever a record becomes available again, so that members waiting
 * in a long poll take it at once.
 */
public final class ShareGroupCoordinator {
  private static final System.Logger LOG = System.getLogger(ShareGroupCoordinator.class.getName());

  private final Supplier<Map<String, Integer>> topics;
  private final Function<TopicPartition, PartitionLog> logs;
  private final Time time;
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  private final AtomicInteger memberIds = new AtomicInteger();
  private volatile DeliveryLimitListener listener = DeliveryLimitListener.NO_OP;

  /**
   * Counters of one share-partition, read together.
   *
   * @param startOffset the share-partition start offset (SPSO): every record below it is done
   * @param endOffset the first offset never acquired; {@code endOffset - startOffset} records are in
   *     flight, at most {@link ShareGroupConfig#maxInFlightRecords()}
   * @param available in-flight records waiting to be delivered again
   * @param acquired in-flight records held by members
   */
  public record SharePartitionState(long startOffset, long endOffset, int available, int acquired) {}

  private static final class Member {
    final int id;
    final Set<String> topics;
    final DataSignal signal;

    Member(int id, Set<String> topics, DataSignal signal) {
      this.id = id;
      this.topics = topics;
      this.signal = signal;
    }
  }

  private static final class Group {
    final String id;
    final ShareGroupConfig config;
    final Map<Integer, Member> members = new LinkedHashMap<>();
    final Map<TopicPartition, SharePartition> partitions = new ConcurrentHashMap<>();
    final LongAdder archivedByLimit = new LongAdder();
    volatile DataSignal[] signals = new DataSignal[0];

    Group(String id, ShareGroupConfig config) {
      this.id = id;
      this.config = config;
    }

    void refreshSignals() {
      List<DataSignal> s = new ArrayList<>();
      for (Member m : members.values()) s.add(m.signal);
      signals = s.toArray(new DataSignal[0]);
    }
  }

  ShareGroupCoordinator(Supplier<Map<String, Integer>> topics, Function<TopicPartition, PartitionLog> logs, Time time) {
    this.topics = topics;
    this.logs = logs;
    this.time = time;
  }

  /**
   * Adds a member reading {@code memberTopics}; creates the group with {@code config} when it is new.
   *
   * @return the member id, unique within the engine
   * @throws IllegalStateException when the group exists with other settings
   */
  int join(String groupId, ShareGroupConfig config, Set<String> memberTopics, DataSignal signal) {
    Group g = groups.computeIfAbsent(groupId, id -> new Group(id, config));
    if (!g.config.equals(config)) {
      throw new IllegalStateException("share group " + groupId + " was created with " + g.config + "; a member asked for " + config);
    }
    synchronized (g) {
      int id = memberIds.incrementAndGet();
      g.members.put(id, new Member(id, Set.copyOf(memberTopics), signal));
      g.refreshSignals();
      initPartitions(g, memberTopics);
      return id;
    }
  }

  /** Removes the member and releases every record it holds. Idempotent. */
  void leave(String groupId, int memberId) {
    Group g = groups.get(groupId);
    if (g == null) return;
    synchronized (g) {
      if (g.members.remove(memberId) == null) return;
      g.refreshSignals();
    }
    for (SharePartition sp : g.partitions.values()) {
      sp.releaseAll(memberId);
      notify(g, sp);
    }
  }

  private void initPartitions(Group g, Set<String> memberTopics) {
    Map<String, Integer> all = topics.get();
    for (String t : memberTopics) {
      Integer n = all.get(t);
      if (n == null) continue;
      for (int p = 0; p < n; p++) {
        TopicPartition tp = new TopicPartition(t, p);
        g.partitions.computeIfAbsent(tp, k -> new SharePartition(g.id, logs.apply(k), g.config));
      }
    }
  }

  /** Gives new partitions of subscribed topics their share state (called when a topic is created). */
  void topicsChanged() {
    for (Group g : groups.values()) {
      synchronized (g) {
        for (Member m : g.members.values()) initPartitions(g, m.topics);
      }
    }
  }

  /** The share-partition of {@code tp} for the group, or null when the group has none (yet). */
  SharePartition partition(String groupId, TopicPartition tp) {
    Group g = groups.get(groupId);
    return g == null ? null : g.partitions.get(tp);
  }

  /** Tells the listener and the waiting members what {@code sp} recorded. Call outside its monitor. */
  void notify(String groupId, SharePartition sp) {
    Group g = groups.get(groupId);
    if (g != null) notify(g, sp);
  }

  private void notify(Group g, SharePartition sp) {
    if (!sp.pending) return;
    SharePartition.Notifications n = sp.takeNotifications();
    if (n == null) return;
    if (n.madeAvailable()) for (DataSignal s : g.signals) s.signal();
    if (n.archived().isEmpty()) return;
    g.archivedByLimit.add(n.archived().size());
    DeliveryLimitListener l = listener;
    for (SharePartition.Archived a : n.archived()) {
      try {
        l.archived(g.id, sp.partition, a.offset(), a.deliveryCount());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "delivery limit listener failed for " + g.id + " " + sp.partition + "@" + a.offset(), e);
      }
    }
  }

  /** Sets who is told of records archived by the delivery count limit, in every share group; null for none. */
  public void setDeliveryLimitListener(DeliveryLimitListener l) {
    listener = l == null ? DeliveryLimitListener.NO_OP : l;
  }

  /** Records the group archived because their delivery count reached the limit, since the engine opened; 0 for an unknown group. */
  public long archivedByDeliveryLimit(String groupId) {
    Group g = groups.get(groupId);
    return g == null ? 0 : g.archivedByLimit.sum();
  }

  /** The group's state for {@code tp}, empty when the group does not exist or has no state for it. */
  public Optional<SharePartitionState> state(String groupId, TopicPartition tp) {
    SharePartition sp = partition(groupId, tp);
    return sp == null ? Optional.empty() : Optional.of(sp.snapshot());
  }

  /** Members of the group now; 0 for an unknown group. */
  public int memberCount(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) return 0;
    synchronized (g) {
      return g.members.size();
    }
  }

  /**
   * Applies lock timeouts in every share group now. Polls and acknowledgements apply them to the
   * partitions they touch; the engine's scheduler calls this every second so that records held by
   * a member that stopped come back (and are reported when archived) even when nobody polls.
   */
  public void expireLocks() {
    long now = time.nanos();
    for (Group g : groups.values()) {
      for (SharePartition sp : g.partitions.values()) {
        if (sp.nextLockDeadline() > now) continue;
        sp.expireLocks(now);
        notify(g, sp);
      }
    }
  }
}
