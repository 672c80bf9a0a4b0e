package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.batch;
import static io.brokerbench.engine.log.TestLogs.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PartitionLogPropertiesTest {
  private final TopicPartition tp = new TopicPartition("p", 0);

  @Provide
  Arbitrary<List<List<LogRecord>>> batches() {
    Arbitrary<byte[]> keys = Arbitraries.bytes().array(byte[].class).ofMaxSize(12).injectNull(0.2);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(400).injectNull(0.05);
    Arbitrary<List<Header>> headers = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(6).injectNull(0.2)).as(Header::new).list().ofMaxSize(2);
    Arbitrary<LogRecord> record = Combinators.combine(keys, values, headers, Arbitraries.longs().between(0, 1L << 42))
        .as(LogRecord::new);
    return record.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(60);
  }

  private PartitionLog open(InMemoryStorage storage, int segmentBytes) throws Exception {
    return PartitionLog.open(tp, DIR.resolve("p-0"), storage, TestLogs.smallSegments(segmentBytes), new TestLogs.FakeTime());
  }

  @Property(tries = 60)
  void offsetsAreDenseAndMonotonic(@ForAll("batches") List<List<LogRecord>> batches,
      @ForAll @IntRange(min = 1024, max = 8192) int segmentBytes) throws Exception {
    PartitionLog log = open(new InMemoryStorage(), segmentBytes);
    long expected = 0;
    for (List<LogRecord> b : batches) {
      AppendResult r = log.append(batch(b));
      assertEquals(expected, r.baseOffset(), "base offset follows the previous batch");
      assertEquals(expected + b.size() - 1, r.lastOffset());
      expected += b.size();
    }
    assertEquals(expected, log.endOffset());
    List<ConsumerRecord> all = readAll(log, 0);
    for (int i = 0; i < all.size(); i++) assertEquals(i, all.get(i).offset(), "offset at index " + i);
    assertEquals(expected, all.size());
  }

  @Property(tries = 60)
  void replayFromAnyOffsetReturnsIdenticalRecords(@ForAll("batches") List<List<LogRecord>> batches,
      @ForAll @IntRange(min = 1024, max = 8192) int segmentBytes, @ForAll @IntRange(min = 0, max = 1000) int fromSeed)
      throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    PartitionLog log = open(storage, segmentBytes);
    List<LogRecord> sent = new ArrayList<>();
    for (List<LogRecord> b : batches) {
      log.append(batch(b));
      sent.addAll(b);
    }
    int from = fromSeed % sent.size();
    List<LogRecord> expected = sent.subList(from, sent.size());
    assertEquals(expected, readAll(log, from).stream().map(ConsumerRecord::record).toList());
    assertEquals(expected, readAll(log, from).stream().map(ConsumerRecord::record).toList(), "a second replay is identical");
    log.close();
    PartitionLog reopened = open(storage, segmentBytes);
    assertEquals(expected, readAll(reopened, from).stream().map(ConsumerRecord::record).toList(), "identical after reopen");
  }

  @Property(tries = 80)
  void damagedTailRecoversToTheLastValidBatchWithDenseOffsets(@ForAll("batches") List<List<LogRecord>> batches,
      @ForAll @IntRange(min = 0, max = 1_000_000) int damageSeed, @ForAll boolean flipInsteadOfTruncate,
      @ForAll @IntRange(min = 0, max = 7) int bit) throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    PartitionLog log = open(storage, 1 << 20);
    List<Long> batchStarts = new ArrayList<>();
    List<Integer> batchCounts = new ArrayList<>();
    List<LogRecord> sent = new ArrayList<>();
    long position = 0;
    for (List<LogRecord> b : batches) {
      var buf = batch(b);
      batchStarts.add(position);
      batchCounts.add(b.size());
      position += buf.remaining();
      log.append(buf);
      sent.addAll(b);
    }
    log.close();
    Path file = DIR.resolve("p-0").resolve(Segment.fileStem(0) + ".log");
    byte[] bytes = storage.contents(file);
    int damageAt = damageSeed % bytes.length;
    byte[] damaged;
    if (flipInsteadOfTruncate) {
      damaged = bytes.clone();
      damaged[damageAt] ^= (byte) (1 << bit);
    } else {
      damaged = java.util.Arrays.copyOf(bytes, damageAt);
    }
    storage.replaceContents(file, damaged);
    int damagedBatch = 0;
    while (damagedBatch + 1 < batchStarts.size() && batchStarts.get(damagedBatch + 1) <= damageAt) damagedBatch++;
    int survivors = 0;
    for (int i = 0; i < damagedBatch; i++) survivors += batchCounts.get(i);

    PartitionLog recovered = open(storage, 1 << 20);
    assertEquals(survivors, recovered.endOffset(), "records of the batches before the damaged one survive");
    List<ConsumerRecord> read = readAll(recovered, 0);
    assertEquals(sent.subList(0, survivors), read.stream().map(ConsumerRecord::record).toList(), "no garbage");
    for (int i = 0; i < read.size(); i++) assertEquals(i, read.get(i).offset());
    assertEquals(batchStarts.get(damagedBatch), (long) storage.contents(file).length, "tail cut at the damaged batch");
    assertEquals(survivors, recovered.append(batch(List.of(LogRecord.of(null, new byte[3], 1)))).baseOffset(),
        "appends continue densely");
  }
}
