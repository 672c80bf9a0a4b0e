package io.brokerbench.commons.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What both engines rely on, checked on every implementation: the real disk in both access modes and the memory double. */
class StorageContractTest {
  @TempDir
  static Path tmp;

  static Stream<Arguments> storages() {
    return Stream.of(
        Arguments.of("channel", new FileSystemStorage(FileAccess.CHANNEL)),
        Arguments.of("random-access-file", new FileSystemStorage(FileAccess.RANDOM_ACCESS_FILE)),
        Arguments.of("memory", new InMemoryStorage()));
  }

  private static Path dir(String name) {
    return tmp.resolve(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void readsFillTheBufferUntilEndOfFileAndReportMinusOnePastIt(String name, Storage storage) throws IOException {
    Path d = dir(name + "-read");
    storage.createDirectories(d);
    try (StorageFile f = storage.open(d.resolve("a"), true)) {
      f.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), 0);
      f.write(ByteBuffer.wrap(new byte[] {6}), 5);
      assertEquals(6, f.size());
      ByteBuffer all = ByteBuffer.allocate(10);
      assertEquals(6, f.read(all, 0));
      assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, java.util.Arrays.copyOf(all.array(), 6));
      ByteBuffer direct = ByteBuffer.allocateDirect(2);
      assertEquals(2, f.read(direct, 3));
      assertEquals(4, direct.get(0));
      assertEquals(-1, f.read(ByteBuffer.allocate(1), 6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void truncateOnlyShrinks(String name, Storage storage) throws IOException {
    Path d = dir(name + "-truncate");
    storage.createDirectories(d);
    try (StorageFile f = storage.open(d.resolve("a"), true)) {
      f.write(ByteBuffer.wrap(new byte[8]), 0);
      f.truncate(20);
      assertEquals(8, f.size());
      f.truncate(3);
      assertEquals(3, f.size());
      f.write(ByteBuffer.wrap(new byte[] {9}), 3);
      ByteBuffer b = ByteBuffer.allocate(4);
      f.read(b, 0);
      assertEquals(9, b.get(3));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void listsMovesAndDeletesEntries(String name, Storage storage) throws IOException {
    Path d = dir(name + "-entries");
    storage.createDirectories(d.resolve("sub"));
    assertThrows(NoSuchFileException.class, () -> storage.open(d.resolve("missing"), false));
    try (StorageFile f = storage.open(d.resolve("tmp"), true)) {
      f.write(ByteBuffer.wrap(new byte[] {7}), 0);
      f.force();
    }
    storage.move(d.resolve("tmp"), d.resolve("final"));
    assertFalse(storage.exists(d.resolve("tmp")));
    assertTrue(storage.exists(d.resolve("final")));
    List<String> names = storage.list(d).stream().map(p -> p.getFileName().toString()).sorted().toList();
    assertEquals(List.of("final", "sub"), names);
    assertTrue(storage.delete(d.resolve("final")));
    assertFalse(storage.delete(d.resolve("final")));
    storage.forceDirectory(d);
    assertFalse(storage.exists(d.resolve("final")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void aSecondLockOnTheSameFileFailsUntilTheFirstIsReleased(String name, Storage storage) throws IOException {
    Path d = dir(name + "-lock");
    storage.createDirectories(d);
    Closeable first = storage.lock(d.resolve(".lock"));
    IOException e = assertThrows(IOException.class, () -> storage.lock(d.resolve(".lock")));
    assertTrue(e.getMessage().contains(".lock"), e.getMessage());
    first.close();
    storage.lock(d.resolve(".lock")).close();
  }
}
