package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.batch;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static io.brokerbench.engine.log.TestLogs.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionLogTest {
  private final InMemoryStorage storage = new InMemoryStorage();
  private final TestLogs.FakeTime time = new TestLogs.FakeTime();
  private final TopicPartition tp = new TopicPartition("t", 0);

  private PartitionLog open(LogConfig config) throws Exception {
    return PartitionLog.open(tp, DIR.resolve("t-0"), storage, config, time);
  }

  @Test
  void assignsDenseOffsetsAndReadsThemBack() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(1024));
    List<LogRecord> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<LogRecord> b = List.of(
          new LogRecord(bytes("k" + i), bytes("value-" + i), List.of(new Header("h", bytes("x"))), 1000 + i),
          LogRecord.of(null, bytes("second-" + i), 2000 + i));
      AppendResult r = log.append(batch(b));
      assertEquals(2L * i, r.baseOffset());
      assertEquals(2L * i + 1, r.lastOffset());
      sent.addAll(b);
    }
    assertEquals(100, log.endOffset());
    assertTrue(log.segmentCount() > 3, "small segments roll: " + log.segmentCount());
    List<ConsumerRecord> got = readAll(log, 0);
    assertEquals(100, got.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(i, got.get(i).offset());
      assertEquals(sent.get(i), got.get(i).record());
    }
    assertEquals(sent.subList(37, 100), readAll(log, 37).stream().map(ConsumerRecord::record).toList());
  }

  @Test
  void keepsRecordsAcrossCleanReopen() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(1024));
    for (int i = 0; i < 30; i++) log.append(batch(List.of(LogRecord.of(bytes("k"), bytes("v" + i), i))));
    List<ConsumerRecord> before = readAll(log, 0);
    log.close();
    PartitionLog again = open(TestLogs.smallSegments(1024));
    assertEquals(30, again.endOffset());
    assertEquals(before, readAll(again, 0));
    assertEquals(30, again.append(batch(List.of(LogRecord.of(null, bytes("next"), 99)))).baseOffset());
  }

  @Test
  void refusesOffsetsOutsideTheLog() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(1024));
    log.append(batch(List.of(LogRecord.of(null, bytes("a"), 1))));
    assertThrows(OffsetOutOfRangeException.class, () -> log.read(5, 100, null, null));
    assertEquals(0, log.read(1, 100, null, null).remaining());
  }

  @Test
  void findsTheFirstOffsetAtOrAfterATimestamp() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(1024));
    for (int i = 0; i < 40; i++) log.append(batch(List.of(LogRecord.of(null, bytes("v" + i), 10_000 + i * 10L))));
    assertEquals(0, log.offsetForTimestamp(0));
    assertEquals(20, log.offsetForTimestamp(10_200));
    assertEquals(21, log.offsetForTimestamp(10_201));
    assertEquals(40, log.offsetForTimestamp(99_999));
  }

  @Test
  void retentionBySizeDeletesWholeOldSegmentsOnly() throws Exception {
    LogConfig config = TestLogs.smallSegments(1024).withRetention(null, 2048);
    PartitionLog log = open(config);
    for (int i = 0; i < 100; i++) log.append(batch(List.of(LogRecord.of(null, new byte[100], i))));
    assertTrue(log.logStartOffset() > 0, "old segments deleted");
    assertTrue(log.sizeInBytes() >= 2048 - 1024 && log.sizeInBytes() <= 2048 + 2 * 1024, "at most the retention plus the active and one sealed segment: " + log.sizeInBytes());
    List<ConsumerRecord> rest = readAll(log, log.logStartOffset());
    assertEquals(log.endOffset() - log.logStartOffset(), rest.size());
    assertThrows(OffsetOutOfRangeException.class, () -> log.read(0, 100, null, null));
  }

  @Test
  void retentionByTimeDeletesSegmentsWhoseNewestRecordIsOld() throws Exception {
    LogConfig config = TestLogs.smallSegments(1024).withRetention(Duration.ofHours(1), -1);
    PartitionLog log = open(config);
    long now = time.millis();
    for (int i = 0; i < 30; i++) log.append(batch(List.of(LogRecord.of(null, new byte[100], now - 7_200_000))));
    for (int i = 0; i < 30; i++) log.append(batch(List.of(LogRecord.of(null, new byte[100], now))));
    log.applyRetention(now);
    assertTrue(log.logStartOffset() > 0 && log.logStartOffset() <= 30, "start " + log.logStartOffset());
    assertEquals(0, log.applyRetention(now), "second pass has nothing to delete");
  }

  @Test
  void refusesToStartASegmentWhenTheDiskIsNearlyFull() throws Exception {
    LogConfig config = TestLogs.smallSegments(1024).withMinFreeDiskBytes(1 << 20);
    storage.setUsableSpace(10L << 20);
    PartitionLog log = open(config);
    for (int i = 0; i < 5; i++) log.append(batch(List.of(LogRecord.of(null, new byte[100], i))));
    storage.setUsableSpace((1 << 20) + 100);
    InsufficientDiskSpaceException e = assertThrows(InsufficientDiskSpaceException.class, () -> {
      for (int i = 0; i < 20; i++) log.append(batch(List.of(LogRecord.of(null, new byte[100], i))));
    });
    assertTrue(e.getMessage().contains("minFreeDiskBytes"), e.getMessage());
    long end = log.endOffset();
    assertEquals(end, readAll(log, 0).size(), "what was appended is intact");
  }

  @Test
  void answersARetriedIdempotentBatchWithItsOriginalOffsets() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(4096));
    BatchBuilder b = new BatchBuilder(1024, false);
    b.append(null, bytes("one"), List.of(), 1);
    b.append(null, bytes("two"), List.of(), 2);
    ByteBuffer first = b.build(7, (short) 0, 0);
    AppendResult r1 = log.append(first);
    first.position(0);
    AppendResult retry = log.append(first);
    assertTrue(retry.duplicate());
    assertEquals(r1.baseOffset(), retry.baseOffset());
    assertEquals(2, log.endOffset(), "nothing appended twice");
    BatchBuilder gap = new BatchBuilder(1024, false);
    gap.append(null, bytes("three"), List.of(), 3);
    assertThrows(OutOfOrderSequenceException.class, () -> log.append(gap.build(7, (short) 0, 5)));
  }

  @Test
  void rejectsABatchWithAWrongChecksum() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(4096));
    ByteBuffer b = batch(List.of(LogRecord.of(null, bytes("x"), 1)));
    b.put(b.limit() - 1, (byte) (b.get(b.limit() - 1) ^ 1));
    assertThrows(CorruptRecordException.class, () -> log.append(b));
    assertEquals(0, log.endOffset());
  }

  @Test
  void readsOnlyWholeBatchesWithinTheByteLimitButAlwaysAtLeastOne() throws Exception {
    PartitionLog log = open(TestLogs.smallSegments(1 << 20));
    for (int i = 0; i < 10; i++) log.append(batch(List.of(LogRecord.of(null, new byte[300], i))));
    ByteBuffer small = log.read(0, 100, null, null);
    assertEquals(1, RecordBatch.decodeAll(tp, small, 0).size(), "one batch even above the limit");
    ByteBuffer some = log.read(0, 1000, null, null);
    int n = RecordBatch.decodeAll(tp, some, 0).size();
    assertTrue(n >= 2 && n <= 3, "whole batches within 1000 bytes: " + n);
    byte[] whole = new byte[some.remaining()];
    some.get(whole);
    assertArrayEquals(whole, java.util.Arrays.copyOf(whole, whole.length));
  }
}
