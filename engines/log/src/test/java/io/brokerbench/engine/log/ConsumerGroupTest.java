package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsumerGroupTest {
  private final InMemoryStorage storage = new InMemoryStorage();
  private final TestLogs.FakeTime time = new TestLogs.FakeTime();
  private LogEngine engine;

  private LogEngine open() throws Exception {
    engine = LogEngine.open(DIR, TestLogs.smallSegments(64 << 10), storage, time);
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) engine.close();
  }

  private void fill(String topic, int partitions, int perPartition) throws Exception {
    engine.createTopic(topic, partitions);
    for (int p = 0; p < partitions; p++) {
      for (int i = 0; i < perPartition; i++) {
        engine.partition(new TopicPartition(topic, p)).append(TestLogs.batch(List.of(LogRecord.of(null, bytes(p + ":" + i), i))));
      }
    }
  }

  private ConsumerConfig manualCommit() {
    return ConsumerConfig.defaults("g").withAutoCommit(false).withSessionTimeout(Duration.ofSeconds(10));
  }

  private static List<ConsumerRecord> drain(LogConsumer c, int polls) {
    List<ConsumerRecord> out = new ArrayList<>();
    for (int i = 0; i < polls; i++) out.addAll(c.poll(Duration.ofMillis(20)));
    return out;
  }

  @Test
  void refusesACommitFromAStaleGeneration() throws Exception {
    open();
    fill("t", 4, 3);
    LogConsumer a = engine.consumer(manualCommit());
    a.subscribe(Set.of("t"));
    drain(a, 2);
    int oldGeneration = a.generation();
    a.commitSync();
    LogConsumer b = engine.consumer(manualCommit());
    b.subscribe(Set.of("t"));
    StaleGenerationException e = assertThrows(StaleGenerationException.class, a::commitSync);
    assertTrue(e.getMessage().contains("generation " + oldGeneration), e.getMessage());
    drain(a, 2);
    assertTrue(a.generation() > oldGeneration, "after a poll it has joined the new generation");
  }

  @Test
  void redeliversUncommittedRecordsOfALeavingMemberToTheMembersThatTakeOver() throws Exception {
    open();
    fill("t", 2, 10);
    LogConsumer a = engine.consumer(manualCommit());
    a.subscribe(Set.of("t"));
    LogConsumer b = engine.consumer(manualCommit());
    b.subscribe(Set.of("t"));
    List<ConsumerRecord> seenByA = new ArrayList<>();
    for (int i = 0; i < 20 && seenByA.size() < 10; i++) seenByA.addAll(a.poll(Duration.ofMillis(20)));
    drain(b, 3);
    assertEquals(10, seenByA.size(), "a reads its one partition");
    TopicPartition aPartition = seenByA.get(0).partition();
    a.commitSync(Map.of(aPartition, 4L));
    a.close();
    List<ConsumerRecord> takenOver = new ArrayList<>();
    for (int i = 0; i < 20 && takenOver.size() < 6; i++) {
      for (ConsumerRecord r : b.poll(Duration.ofMillis(20))) if (r.partition().equals(aPartition)) takenOver.add(r);
    }
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), takenOver.stream().map(ConsumerRecord::offset).toList(),
        "b resumes at a's last commit");
  }

  @Test
  void removesAMemberWhoseSessionTimedOutAndHandsItsPartitionsOver() throws Exception {
    open();
    fill("t", 2, 1);
    ConsumerConfig config = manualCommit().withSessionTimeout(Duration.ofMillis(100));
    LogConsumer a = engine.consumer(config);
    a.subscribe(Set.of("t"));
    LogConsumer b = engine.consumer(config);
    b.subscribe(Set.of("t"));
    drain(a, 1);
    drain(b, 1);
    assertEquals(1, b.assignment().size());
    time.advanceMillis(60);
    drain(b, 1);
    time.advanceMillis(60);
    drain(b, 1);
    assertEquals(2, b.assignment().size(), "a was silent for 120ms > 100ms and lost its partition");
    assertThrows(UnknownMemberException.class, () -> engine.groups().commit("g", a.memberId(), b.generation(), Map.of()));
  }

  @Test
  void aBusyMemberKeepsItsSessionAliveWithoutPolling() throws Exception {
    open();
    fill("t", 2, 1);
    ConsumerConfig config = manualCommit().withSessionTimeout(Duration.ofMillis(100));
    LogConsumer a = engine.consumer(config);
    a.subscribe(Set.of("t"));
    drain(a, 1);
    for (int i = 0; i < 5; i++) {
      time.advanceMillis(60);
      a.keepAlive();
    }
    assertEquals(1, engine.groups().targets("g").size(), "300ms without a poll, but kept alive");
    time.advanceMillis(150);
    assertEquals(0, engine.groups().targets("g").size(), "silent past the session timeout: removed");
  }

  @Test
  void committedOffsetsSurviveARestart() throws Exception {
    open();
    fill("t", 3, 5);
    LogConsumer a = engine.consumer(manualCommit());
    a.subscribe(Set.of("t"));
    drain(a, 5);
    a.commitSync(Map.of(new TopicPartition("t", 0), 2L, new TopicPartition("t", 1), 5L));
    engine.close();
    open();
    assertEquals(2, engine.groups().committed("g", new TopicPartition("t", 0)));
    assertEquals(5, engine.groups().committed("g", new TopicPartition("t", 1)));
    assertEquals(-1, engine.groups().committed("g", new TopicPartition("t", 2)));
    LogConsumer again = engine.consumer(manualCommit());
    again.subscribe(Set.of("t"));
    List<ConsumerRecord> got = drain(again, 5);
    assertEquals(3 + 0 + 5, got.size(), "resumes at 2 on t-0, 5 (the end) on t-1, the beginning on t-2");
  }

  @Test
  void keepsCommittedOffsetsBoundedBySnapshottingTheOffsetsLog() throws Exception {
    open();
    fill("t", 1, 1);
    LogConsumer a = engine.consumer(manualCommit());
    a.subscribe(Set.of("t"));
    drain(a, 2);
    TopicPartition tp = new TopicPartition("t", 0);
    for (int i = 0; i < 3000; i++) a.commitSync(Map.of(tp, (long) (i % 2)));
    assertTrue(engine.offsetStore().log().segmentCount() <= 3, "segments " + engine.offsetStore().log().segmentCount());
    engine.close();
    open();
    assertEquals(1, engine.groups().committed("g", tp));
  }

  @Test
  void patternSubscriptionPicksUpTopicsCreatedLater() throws Exception {
    open();
    fill("orders.eu", 1, 2);
    LogConsumer c = engine.consumer(manualCommit());
    c.subscribe(java.util.regex.Pattern.compile("orders\\..*"));
    assertEquals(2, drain(c, 3).size());
    fill("orders.us", 1, 3);
    fill("other", 1, 4);
    assertEquals(3, drain(c, 3).size());
  }

  @Test
  void everyAssignorGivesEachPartitionToExactlyOneSubscribedMember() {
    List<GroupMember> members = List.of(new GroupMember("m1", Set.of("a", "b"), -1), new GroupMember("m2", Set.of("a"), -1),
        new GroupMember("m3", Set.of("b"), -1));
    List<TopicPartition> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) parts.add(new TopicPartition("a", i));
    for (int i = 0; i < 3; i++) parts.add(new TopicPartition("b", i));
    for (Assignor assignor : List.of(Assignors.RANGE, Assignors.ROUND_ROBIN, Assignors.STICKY)) {
      Map<String, Set<TopicPartition>> out = assignor.assign(members, parts, Map.of());
      Set<TopicPartition> seen = new HashSet<>();
      for (GroupMember m : members) {
        for (TopicPartition tp : out.get(m.memberId())) {
          assertTrue(seen.add(tp), assignor.name() + " gave " + tp + " twice");
          assertTrue(m.topics().contains(tp.topic()), assignor.name() + " gave " + tp + " to a non-subscriber");
        }
      }
      assertEquals(new TreeSet<>(parts), new TreeSet<>(seen), assignor.name());
    }
    assertEquals(Set.of(new TopicPartition("a", 0), new TopicPartition("a", 1), new TopicPartition("a", 2)),
        Assignors.RANGE.assign(members, parts, Map.of()).get("m1").stream().filter(tp -> tp.topic().equals("a"))
            .collect(java.util.stream.Collectors.toSet()),
        "range: the first member gets the first ceil(5/2) partitions of a");
  }
}
