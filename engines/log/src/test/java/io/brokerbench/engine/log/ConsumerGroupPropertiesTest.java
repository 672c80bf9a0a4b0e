package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ConsumerGroupPropertiesTest {

  private static ConsumerConfig manual(String group) {
    return ConsumerConfig.defaults(group).withAutoCommit(false).withMaxPollRecords(50);
  }

  private static List<ConsumerRecord> pollUntil(LogConsumer c, int atLeast) {
    List<ConsumerRecord> out = new ArrayList<>();
    for (int i = 0; i < 200 && out.size() < atLeast; i++) out.addAll(c.poll(Duration.ofMillis(5)));
    return out;
  }

  @Property(tries = 25)
  void perKeyOrderIsKeptFromProducerToConsumer(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 9) Integer> keys,
      @ForAll @IntRange(min = 1, max = 5) int partitions) throws Exception {
    try (LogEngine engine = LogEngine.open(DIR, TestLogs.smallSegments(4096), new InMemoryStorage(), Time.SYSTEM)) {
      engine.createTopic("t", partitions);
      LogProducer producer = engine.producer(ProducerConfig.defaults().withLinger(Duration.ZERO).withBatchBytes(256));
      for (int i = 0; i < keys.size(); i++) {
        producer.send("t", -1, bytes("key-" + keys.get(i)), bytes(keys.get(i) + ":" + i), List.of(), i, (tp, o, e) -> { });
      }
      assertTrue(producer.flush(10_000));
      LogConsumer consumer = engine.consumer(manual("g"));
      consumer.subscribe(Set.of("t"));
      List<ConsumerRecord> got = pollUntil(consumer, keys.size());
      assertEquals(keys.size(), got.size());
      Map<String, Integer> last = new HashMap<>();
      for (ConsumerRecord r : got) {
        String[] kv = new String(r.record().value()).split(":");
        Integer prev = last.put(kv[0], Integer.parseInt(kv[1]));
        assertTrue(prev == null || prev < Integer.parseInt(kv[1]), "key " + kv[0] + ": " + prev + " before " + kv[1]);
      }
    }
  }

  @Property(tries = 25)
  void committedOffsetsSurviveARestart(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 29) Integer> commits)
      throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    TestLogs.FakeTime time = new TestLogs.FakeTime();
    Map<TopicPartition, Long> expected = new HashMap<>();
    try (LogEngine engine = LogEngine.open(DIR, TestLogs.smallSegments(1024), storage, time)) {
      engine.createTopic("t", 3);
      for (int p = 0; p < 3; p++) {
        for (int i = 0; i < 10; i++) {
          engine.partition(new TopicPartition("t", p)).append(TestLogs.batch(List.of(LogRecord.of(null, bytes("v"), i))));
        }
      }
      LogConsumer c = engine.consumer(manual("g"));
      c.subscribe(Set.of("t"));
      pollUntil(c, 1);
      for (int x : commits) {
        TopicPartition tp = new TopicPartition("t", x % 3);
        long offset = x / 3;
        c.commitSync(Map.of(tp, offset));
        expected.put(tp, offset);
      }
    }
    try (LogEngine engine = LogEngine.open(DIR, TestLogs.smallSegments(1024), storage, time)) {
      assertEquals(expected, engine.groups().committed("g"));
    }
  }

  @Property(tries = 25)
  void aStaleGenerationsCommitIsRefused(@ForAll @IntRange(min = 1, max = 5) int laterJoins, @ForAll boolean leaveInstead)
      throws Exception {
    try (LogEngine engine = LogEngine.open(DIR, TestLogs.smallSegments(4096), new InMemoryStorage(), new TestLogs.FakeTime())) {
      engine.createTopic("t", 4);
      LogConsumer a = engine.consumer(manual("g"));
      a.subscribe(Set.of("t"));
      a.poll(Duration.ZERO);
      int stale = a.generation();
      List<LogConsumer> others = new ArrayList<>();
      for (int i = 0; i < laterJoins; i++) {
        LogConsumer o = engine.consumer(manual("g"));
        o.subscribe(Set.of("t"));
        others.add(o);
      }
      if (leaveInstead) others.get(0).close();
      Map<TopicPartition, Long> anything = Map.of(a.assignment().iterator().next(), 0L);
      assertThrows(StaleGenerationException.class, () -> engine.groups().commit("g", a.memberId(), stale, anything));
      assertTrue(engine.groups().committed("g").isEmpty(), "nothing was committed");
    }
  }

  @Property(tries = 25)
  void aMemberLeavingWithoutCommittingHasItsRecordsDeliveredAgainFlagged(@ForAll @IntRange(min = 0, max = 20) int committed,
      @ForAll @IntRange(min = 0, max = 20) int extraRead) throws Exception {
    try (LogEngine engine = LogEngine.open(DIR, TestLogs.smallSegments(4096), new InMemoryStorage(), new TestLogs.FakeTime())) {
      engine.createTopic("t", 1);
      TopicPartition tp = new TopicPartition("t", 0);
      for (int i = 0; i < 50; i++) engine.partition(tp).append(TestLogs.batch(List.of(LogRecord.of(null, bytes("v" + i), i))));
      long highestDelivered = -1;
      LogConsumer a = engine.consumer(manual("g").withMaxPollRecords(1));
      a.subscribe(Set.of("t"));
      a.poll(Duration.ZERO, r -> { }, 0); // joins the generation without reading
      int read = committed + extraRead;
      for (int i = 0; i < read; i++) highestDelivered = pollUntil(a, 1).get(0).offset();
      a.commitSync(Map.of(tp, (long) committed));
      a.close();
      LogConsumer b = engine.consumer(manual("g"));
      b.subscribe(Set.of("t"));
      List<ConsumerRecord> taken = pollUntil(b, 50 - committed);
      assertEquals(committed, taken.get(0).offset(), "the new owner starts at the last commit");
      for (ConsumerRecord r : taken) {
        boolean flagged = r.offset() <= highestDelivered; // the adapter's redelivered rule
        assertEquals(r.offset() < read, flagged, "offset " + r.offset() + " redelivered flag");
      }
      assertEquals(extraRead, taken.stream().filter(r -> r.offset() < read).count(), "exactly the uncommitted reads come again");
    }
  }
}
