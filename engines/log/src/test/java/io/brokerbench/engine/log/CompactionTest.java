package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static io.brokerbench.engine.log.TestLogs.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactionTest {
  private final InMemoryStorage storage = new InMemoryStorage();
  private final TestLogs.FakeTime time = new TestLogs.FakeTime();
  private final TopicPartition tp = new TopicPartition("t", 0);

  private LogConfig config() {
    return TestLogs.smallSegments(1024).withCompaction(true, Duration.ofHours(1));
  }

  private PartitionLog open() throws Exception {
    return PartitionLog.open(tp, DIR.resolve("t-0"), storage, config(), time);
  }

  private static Map<String, String> latestByKey(List<ConsumerRecord> records) {
    Map<String, String> out = new HashMap<>();
    for (ConsumerRecord r : records) {
      String k = new String(r.record().key());
      if (r.record().value() == null) out.remove(k);
      else out.put(k, new String(r.record().value()));
    }
    return out;
  }

  @Test
  void keepsOnlyTheLatestValueOfEachKeyInSealedSegments() throws Exception {
    PartitionLog log = open();
    for (int i = 0; i < 200; i++) {
      log.append(TestLogs.batch(List.of(LogRecord.of(bytes("k" + (i % 7)), bytes("v" + i), time.millis()))));
    }
    List<ConsumerRecord> before = readAll(log, 0);
    int sealedBefore = log.segmentCount() - 1;
    assertTrue(sealedBefore >= 5, "segments " + log.segmentCount());
    int rewritten = log.compact(time.millis());
    assertTrue(rewritten > 0);
    List<ConsumerRecord> after = readAll(log, 0);
    assertTrue(after.size() < before.size(), after.size() + " of " + before.size());
    assertEquals(latestByKey(before), latestByKey(after), "the latest value of every key survives");
    long last = -1;
    for (ConsumerRecord r : after) {
      assertTrue(r.offset() > last, "offsets increase");
      last = r.offset();
    }
    assertEquals(200, log.endOffset(), "the log end does not move");
    long activeBase = log.activeBaseOffset();
    Map<String, Long> latestOffset = new HashMap<>();
    for (ConsumerRecord r : before) latestOffset.put(new String(r.record().key()), r.offset());
    for (ConsumerRecord r : after) {
      if (r.offset() < activeBase) {
        assertEquals(latestOffset.get(new String(r.record().key())), r.offset(),
            "a record left in a sealed segment is its key's latest");
      }
    }
    // A second pass finds nothing more to drop.
    assertEquals(0, log.compact(time.millis()));
    // Replay from an offset inside a gap starts at the next surviving record.
    ConsumerRecord first = after.get(0);
    assertEquals(after, readAll(log, first.offset()));
  }

  @Test
  void keepsTombstonesForTheirRetentionThenDropsThem() throws Exception {
    PartitionLog log = open();
    log.append(TestLogs.batch(List.of(LogRecord.of(bytes("gone"), bytes("value"), time.millis()))));
    log.append(TestLogs.batch(List.of(LogRecord.of(bytes("gone"), null, time.millis()))));
    for (int i = 0; i < 60; i++) log.append(TestLogs.batch(List.of(LogRecord.of(bytes("other"), new byte[50], time.millis()))));
    log.compact(time.millis());
    List<ConsumerRecord> now = readAll(log, 0);
    assertEquals(1, now.stream().filter(r -> new String(r.record().key()).equals("gone")).count(), "the tombstone stays");
    assertNull(now.stream().filter(r -> new String(r.record().key()).equals("gone")).findFirst().orElseThrow().record().value());
    time.advanceMillis(Duration.ofHours(2).toMillis());
    log.compact(time.millis());
    assertEquals(0, readAll(log, 0).stream().filter(r -> new String(r.record().key()).equals("gone")).count(),
        "after the tombstone retention the key is gone entirely");
  }

  @Test
  void aCompactedLogRecoversAndConsumersReadAcrossItsGaps() throws Exception {
    PartitionLog log = open();
    for (int i = 0; i < 120; i++) log.append(TestLogs.batch(List.of(LogRecord.of(bytes("k" + (i % 3)), bytes("v" + i), time.millis()))));
    log.compact(time.millis());
    List<ConsumerRecord> compacted = readAll(log, 0);
    log.close();
    PartitionLog reopened = open();
    assertEquals(compacted, readAll(reopened, 0), "identical after reopen");
    assertEquals(120, reopened.append(TestLogs.batch(List.of(LogRecord.of(bytes("k0"), bytes("new"), 1)))).baseOffset());
    reopened.close();

    try (LogEngine engine = LogEngine.open(DIR.getParent().resolve("engine"), config(), storage, time)) {
      engine.createTopic("c", 1);
      PartitionLog p = engine.partition(new TopicPartition("c", 0));
      for (int i = 0; i < 120; i++) p.append(TestLogs.batch(List.of(LogRecord.of(bytes("k" + (i % 3)), bytes("v" + i), time.millis()))));
      assertTrue(engine.compact() > 0);
      LogConsumer c = engine.consumer(ConsumerConfig.defaults(null));
      c.assign(List.of(new TopicPartition("c", 0)));
      List<ConsumerRecord> got = new ArrayList<>();
      for (int i = 0; i < 50 && (got.isEmpty() || got.get(got.size() - 1).offset() < 119); i++) got.addAll(c.poll(Duration.ofMillis(10)));
      assertEquals(readAll(p, 0), got, "a consumer reads exactly the surviving records, across empty batches");
    }
  }
}
