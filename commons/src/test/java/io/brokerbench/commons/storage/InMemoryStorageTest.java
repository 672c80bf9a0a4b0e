package io.brokerbench.commons.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest {
  private static final Path DIR = Path.of("/memory/data");
  private final InMemoryStorage storage = new InMemoryStorage();

  @Test
  void aPowerLossKeepsOnlyForcedBytesAndClosesOpenHandles() throws IOException {
    storage.createDirectories(DIR);
    StorageFile f = storage.open(DIR.resolve("a"), true);
    f.write(ByteBuffer.wrap(new byte[] {1, 2}), 0);
    f.force();
    f.write(ByteBuffer.wrap(new byte[] {3}), 2);
    f.truncate(1);
    storage.open(DIR.resolve("never-forced"), true).write(ByteBuffer.wrap(new byte[] {4}), 0);

    storage.powerLoss();

    assertArrayEquals(new byte[] {1, 2}, storage.contents(DIR.resolve("a")));
    assertEquals(0, storage.sizeOf(DIR.resolve("never-forced")));
    assertThrows(ClosedChannelException.class, f::size);
    assertEquals(1, storage.forces());
  }

  @Test
  void failsTheChosenNumberOfForces() throws IOException {
    storage.createDirectories(DIR);
    try (StorageFile f = storage.open(DIR.resolve("a"), true)) {
      storage.failNextForces(1);
      assertThrows(IOException.class, f::force);
      f.force();
      assertEquals(1, storage.forces());
    }
  }

  @Test
  void flipsABitInTheVisibleAndTheForcedImage() throws IOException {
    storage.createDirectories(DIR);
    try (StorageFile f = storage.open(DIR.resolve("a"), true)) {
      f.write(ByteBuffer.wrap(new byte[] {0, 0}), 0);
      f.force();
    }
    storage.flipBit(DIR.resolve("a"), 1, 3);
    storage.powerLoss();
    assertArrayEquals(new byte[] {0, 8}, storage.contents(DIR.resolve("a")));
  }
}
