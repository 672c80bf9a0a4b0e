package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import io.brokerbench.commons.storage.Storage;
import io.brokerbench.commons.storage.StorageFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JournalTest {

  /** Storage whose forces each wait for a permit, so a test decides when a group commit ends. */
  private static final class GatedStorage implements Storage {
    final InMemoryStorage inner = new InMemoryStorage();
    final Semaphore forces = new Semaphore(0);
    final Semaphore forcing = new Semaphore(0);

    @Override
    public StorageFile open(Path path, boolean create) throws IOException {
      StorageFile f = inner.open(path, create);
      return new StorageFile() {
        public long size() throws IOException { return f.size(); }
        public int read(ByteBuffer dst, long position) throws IOException { return f.read(dst, position); }
        public void write(ByteBuffer src, long position) throws IOException { f.write(src, position); }
        public void truncate(long size) throws IOException { f.truncate(size); }
        public void close() throws IOException { f.close(); }
        public void force() throws IOException {
          forcing.release();
          forces.acquireUninterruptibly();
          f.force();
        }
      };
    }

    @Override
    public boolean exists(Path path) {
      return inner.exists(path);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
      return inner.list(directory);
    }

    @Override
    public void createDirectories(Path directory) {
      inner.createDirectories(directory);
    }

    @Override
    public void move(Path source, Path target) throws IOException {
      inner.move(source, target);
    }

    @Override
    public boolean delete(Path path) {
      return inner.delete(path);
    }

    @Override
    public void forceDirectory(Path directory) {
      inner.forceDirectory(directory);
    }

    @Override
    public long usableSpace(Path path) {
      return inner.usableSpace(path);
    }

    @Override
    public Closeable lock(Path lockFile) throws IOException {
      return inner.lock(lockFile);
    }
  }

  private static long append(Journal journal, long seq) {
    QueuedMessage m = new QueuedMessage(new Message("", "q", Map.of(), true, -1, new byte[10]), seq, QueuedMessage.NO_EXPIRY);
    return journal.appendEnqueue(1, m);
  }

  @Test
  void intervalForcesAtMostOncePerIntervalOnTheClockAndConfirmsWithTheNextForce() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(10_000);
    Journal journal = new Journal(new QueueDirectory(storage, MemoryDirectory.DIR), FsyncPolicy.interval(1000), 1 << 20, 0, 0, Map.of(), clock::get);
    try {
      // the first force is due at once
      journal.whenConfirmed(append(journal, 0)).get(5, TimeUnit.SECONDS);
      long forces = storage.forces();
      CompletableFuture<Void> second = journal.whenConfirmed(append(journal, 1));
      clock.addAndGet(999);
      Thread.sleep(100);
      assertFalse(second.isDone(), "confirmed before the interval passed on the clock");
      assertTrue(storage.forces() == forces, "forced before the interval passed on the clock");
      clock.addAndGet(1);
      second.get(5, TimeUnit.SECONDS);
      assertTrue(storage.forces() == forces + 1, "one force for the interval, found " + (storage.forces() - forces));
    } finally {
      journal.close();
    }
  }

  @Test
  void aForceCompletesEveryConfirmItCoversEvenWhenRegisteredOutOfPositionOrder() throws Exception {
    GatedStorage storage = new GatedStorage();
    Journal journal = new Journal(new QueueDirectory(storage, MemoryDirectory.DIR), FsyncPolicy.always(), 1 << 20, 0, 0, Map.of());
    try {
      long first = append(journal, 0);
      assertTrue(storage.forcing.tryAcquire(5, TimeUnit.SECONDS), "the journal thread did not start a force");
      // the force in progress covers the first record only; two more arrive meanwhile, and the
      // confirm of the last one registers before the confirm of the first
      append(journal, 1);
      long third = append(journal, 2);
      CompletableFuture<Void> c3 = journal.whenConfirmed(third);
      CompletableFuture<Void> c1 = journal.whenConfirmed(first);
      storage.forces.release();
      c1.get(5, TimeUnit.SECONDS);
      assertFalse(c3.isDone(), "the third record was not covered by the first force");
      assertTrue(storage.forcing.tryAcquire(5, TimeUnit.SECONDS), "no second force for the later records");
      storage.forces.release();
      c3.get(5, TimeUnit.SECONDS);
    } finally {
      storage.forces.release(100);
      journal.close();
    }
  }
}
