package io.brokerbench.engine.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.commons.storage.InMemoryStorage;
import io.brokerbench.commons.storage.StorageFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The offset and time indexes on their shared base: the README's examples, growth, truncation, load checks. */
class SegmentIndexesTest {
  private static final Path DIR = Path.of("/memory/indexes");
  private final InMemoryStorage storage = new InMemoryStorage();

  private StorageFile file(String name) throws Exception {
    storage.createDirectories(DIR);
    return storage.open(DIR.resolve(name), true);
  }

  @Test
  void offsetIndexWritesAndLooksUpTheDocumentedExample() throws Exception {
    OffsetIndex index = new OffsetIndex();
    index.append(10, 4100);
    index.append(20, 8200);
    assertEquals(8200, index.lookup(25));
    assertEquals(8200, index.lookup(20));
    assertEquals(4100, index.lookup(19));
    assertEquals(0, index.lookup(5));
    try (StorageFile f = file("a.index")) {
      index.writeTo(f);
      assertArrayEquals(HexFormat.of().parseHex("0000000a000010040000001400002008"), storage.contents(DIR.resolve("a.index")));
      OffsetIndex loaded = new OffsetIndex();
      assertNull(loaded.load(f, 9000));
      assertEquals(2, loaded.size());
      assertEquals(4100, loaded.lookup(15));
      assertEquals("entry 1 points to position 8200 past the log size 8200", new OffsetIndex().load(f, 8200));
    }
  }

  @Test
  void offsetIndexRefusesAnEntryThatDoesNotIncrease() {
    OffsetIndex index = new OffsetIndex();
    index.append(10, 4100);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.append(11, 4100));
    assertEquals("index entries must increase: last (10, 4100), new (11, 4100)", e.getMessage());
  }

  @Test
  void timeIndexWritesAndLooksUpTheDocumentedExample() throws Exception {
    TimeIndex index = new TimeIndex();
    index.maybeAppend(1700000000500L, 10);
    index.maybeAppend(1700000000400L, 15); // older timestamp: skipped
    index.maybeAppend(1700000001000L, 20);
    assertEquals(2, index.size());
    assertEquals(1700000001000L, index.lastTimestamp());
    assertEquals(10, index.lookup(1700000000800L));
    assertEquals(0, index.lookup(1700000000500L));
    try (StorageFile f = file("a.timeindex")) {
      index.writeTo(f);
      assertArrayEquals(HexFormat.of().parseHex("0000018bcfe569f40000000a0000018bcfe56be800000014"), storage.contents(DIR.resolve("a.timeindex")));
      assertNull(new TimeIndex().load(f, 20));
      assertEquals("entry 1 names relative offset 20 past the last 19", new TimeIndex().load(f, 19));
    }
  }

  @Test
  void growsPastItsFirstCapacityAndTruncatesByValue() throws Exception {
    OffsetIndex index = new OffsetIndex();
    for (int i = 1; i <= 100; i++) index.append(i, i * 100);
    assertEquals(100, index.size());
    assertEquals(5000, index.lookup(50));
    index.truncateToPosition(5000);
    assertEquals(49, index.size());
    assertEquals(4900, index.lookup(1000));
    try (StorageFile f = file("b.index")) {
      index.writeTo(f);
      index.append(60, 6000);
      index.writeTo(f);
      assertEquals(50L * OffsetIndex.ENTRY_BYTES, f.size());
      index.truncateToPosition(4900);
      index.writeTo(f);
      assertEquals(50L * OffsetIndex.ENTRY_BYTES, f.size(), "nothing new to write: the file keeps its entries until rewritten");
      index.rewrite(f);
      assertEquals(48L * OffsetIndex.ENTRY_BYTES, f.size());
    }
  }

  @Test
  void rejectsAFileThatIsNotAWholeNumberOfEntriesOrDoesNotIncrease() throws Exception {
    try (StorageFile f = file("c.index")) {
      f.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 0, 0, 0, 9, 0, 0, 0, 4, 0, 0, 0, 10}), 0);
      OffsetIndex index = new OffsetIndex();
      assertEquals("entry 1 (4, 10) does not increase", index.load(f, 100));
      assertEquals(0, index.size());
      f.write(ByteBuffer.wrap(new byte[] {1}), 16);
      assertEquals("size 17 is not a multiple of 8", index.load(f, 100));
    }
  }
}
