package io.brokerbench.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class GroupMembershipPropertiesTest {

  @Provide
  Arbitrary<List<Integer>> operations() {
    // >= 0: join with that topic choice; -1..-9: member (index from the end) leaves; -10: one times out
    return Arbitraries.integers().between(-10, 2).list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<Assignor> assignors() {
    return Arbitraries.of(Assignors.RANGE, Assignors.ROUND_ROBIN, Assignors.STICKY);
  }

  @Property(tries = 150)
  void afterAnyJoinsAndLeavesEveryPartitionBelongsToExactlyOneMember(@ForAll("operations") List<Integer> ops,
      @ForAll("assignors") Assignor assignor, @ForAll @IntRange(min = 1, max = 7) int partitionsA,
      @ForAll @IntRange(min = 1, max = 5) int partitionsB) {
    TestLogs.FakeTime time = new TestLogs.FakeTime();
    Map<String, Integer> topics = Map.of("a", partitionsA, "b", partitionsB);
    GroupCoordinator coordinator = new GroupCoordinator(() -> topics, null, time);
    List<String> members = new ArrayList<>();
    Map<String, Set<String>> subscriptions = new HashMap<>();
    Map<String, Integer> generations = new HashMap<>();
    long session = 1_000_000_000L;
    for (int op : ops) {
      if (op >= 0) {
        Set<String> subs = op == 0 ? Set.of("a") : op == 1 ? Set.of("b") : Set.of("a", "b");
        String id = coordinator.join("g", Subscription.of(subs), assignor, -1, session, new DataSignal());
        members.add(id);
        subscriptions.put(id, subs);
      } else if (op == -10 && !members.isEmpty()) {
        // Everyone but the first heartbeats; the clock passes the session timeout; the first is gone.
        time.advanceMillis(600);
        for (String m : members.subList(1, members.size())) coordinator.heartbeat("g", m);
        time.advanceMillis(600);
        for (String m : members.subList(1, members.size())) coordinator.heartbeat("g", m);
        members.remove(0);
      } else if (!members.isEmpty()) {
        String id = members.remove(Math.floorMod(op, members.size()));
        coordinator.leave("g", id);
      }
      // Some members sync after each step, as polls would, interleaved with the others.
      for (int i = 0; i < members.size(); i += 2) syncOnce(coordinator, members.get(i), generations);
    }
    // Everyone syncs until stable (a grant may wait for another member's release).
    for (int round = 0; round < 3; round++) for (String m : members) syncOnce(coordinator, m, generations);

    Map<TopicPartition, String> owners = coordinator.owners("g");
    Set<TopicPartition> expected = new HashSet<>();
    for (String m : members) {
      for (String t : subscriptions.get(m)) for (int p = 0; p < topics.get(t); p++) expected.add(new TopicPartition(t, p));
    }
    assertEquals(expected, owners.keySet(), "every subscribed partition has an owner");
    for (Map.Entry<TopicPartition, String> e : owners.entrySet()) {
      assertTrue(members.contains(e.getValue()), e.getKey() + " owned by departed " + e.getValue());
      assertTrue(subscriptions.get(e.getValue()).contains(e.getKey().topic()), e.getKey() + " owned by a non-subscriber");
    }
    Set<TopicPartition> seen = new HashSet<>();
    for (String m : members) {
      for (TopicPartition tp : coordinator.heartbeat("g", m).owned()) {
        assertTrue(seen.add(tp), tp + " owned by two members");
      }
    }
  }

  private static void syncOnce(GroupCoordinator c, String member, Map<String, Integer> generations) {
    GroupCoordinator.Heartbeat hb = c.heartbeat("g", member);
    if (hb.needsSync(generations.getOrDefault(member, -1))) {
      c.sync("g", member, hb.generation());
      generations.put(member, hb.generation());
    }
  }
}
