package io.brokerbench.commons.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Storage} in memory that models a disk with a volatile cache: bytes written are visible
 * at once (and survive a process crash, like the OS page cache), but only bytes covered by {@link
 * StorageFile#force()} survive {@link #powerLoss()}. A file never forced comes back empty. Directory
 * entries (creating, deleting, moving files and directories) are durable at once, as with a
 * journaling file system and a forced directory; {@link #forceDirectory} does nothing.
 *
 * <p>For tests it can also report a chosen usable space, fail forces on demand, count forces, and
 * show or damage a file's bytes. Paths are compared absolute and normalised.
 *
 * <p>Thread-safe: one monitor per file; the maps are concurrent.
 */
public final class InMemoryStorage implements Storage {
  private final Map<Path, MemFile> files = new ConcurrentHashMap<>();
  private final Set<Path> directories = ConcurrentHashMap.newKeySet();
  private final Set<Path> locks = ConcurrentHashMap.newKeySet();
  private final AtomicLong forces = new AtomicLong();
  private volatile long usableSpace = Long.MAX_VALUE / 4;
  private volatile int failNextForces;
  /** Bumped by every power loss; a handle opened in an earlier generation is closed. */
  private volatile int generation;

  private static final class MemFile {
    byte[] data = new byte[0];
    int size;
    byte[] durable = new byte[0];
  }

  private static Path norm(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /**
   * Simulates a power loss: every file reverts to the bytes its last force covered, open handles
   * stop working and locks are released. Call it when no engine uses the storage (after a crash).
   */
  public void powerLoss() {
    for (MemFile f : files.values()) {
      synchronized (f) {
        f.data = f.durable.clone();
        f.size = f.durable.length;
      }
    }
    locks.clear();
    generation++;
  }

  /** Forces performed since creation, failed ones not counted. */
  public long forces() {
    return forces.get();
  }

  /** Makes the next {@code count} forces (0 or more) fail with an IOException. */
  public void failNextForces(int count) {
    if (count < 0) throw new IllegalArgumentException("count must be >= 0, was " + count);
    failNextForces = count;
  }

  /** What {@link #usableSpace} reports from now on, in bytes (0 or more). */
  public void setUsableSpace(long bytes) {
    if (bytes < 0) throw new IllegalArgumentException("usable space must be >= 0, was " + bytes);
    usableSpace = bytes;
  }

  /** Size in bytes of {@code path} as it is now, or -1 when absent. */
  public long sizeOf(Path path) {
    MemFile f = files.get(norm(path));
    if (f == null) return -1;
    synchronized (f) {
      return f.size;
    }
  }

  /** Bytes of {@code path} as they are now (not only the durable ones). */
  public byte[] contents(Path path) throws NoSuchFileException {
    MemFile f = file(path);
    synchronized (f) {
      return Arrays.copyOf(f.data, f.size);
    }
  }

  /** Replaces the bytes of {@code path}, durable at once (for corruption tests). */
  public void replaceContents(Path path, byte[] bytes) throws NoSuchFileException {
    MemFile f = file(path);
    synchronized (f) {
      f.data = bytes.clone();
      f.size = bytes.length;
      f.durable = bytes.clone();
    }
  }

  /**
   * Flips bit {@code bit} (0-7) of byte {@code offset} of {@code path}, in the visible image and,
   * when the forced image reaches that far, in the forced one.
   */
  public void flipBit(Path path, long offset, int bit) throws NoSuchFileException {
    if (bit < 0 || bit > 7) throw new IllegalArgumentException("bit must be between 0 and 7, was " + bit);
    MemFile f = file(path);
    synchronized (f) {
      if (offset < 0 || offset >= f.size) {
        throw new IllegalArgumentException("offset " + offset + " is outside " + path + " of " + f.size + " bytes");
      }
      f.data[(int) offset] ^= (byte) (1 << bit);
      if (offset < f.durable.length) f.durable[(int) offset] ^= (byte) (1 << bit);
    }
  }

  private MemFile file(Path path) throws NoSuchFileException {
    MemFile f = files.get(norm(path));
    if (f == null) throw new NoSuchFileException(path.toString());
    return f;
  }

  @Override
  public StorageFile open(Path path, boolean create) throws IOException {
    Path p = norm(path);
    MemFile f = files.get(p);
    if (f == null) {
      if (!create) throw new NoSuchFileException(p.toString());
      if (!directories.contains(p.getParent())) throw new NoSuchFileException(p.getParent().toString());
      f = files.computeIfAbsent(p, x -> new MemFile());
    }
    return new Handle(p, f, generation);
  }

  @Override
  public boolean exists(Path path) {
    Path p = norm(path);
    return files.containsKey(p) || directories.contains(p);
  }

  @Override
  public List<Path> list(Path directory) throws IOException {
    Path d = norm(directory);
    if (!directories.contains(d)) throw new NoSuchFileException(d.toString());
    List<Path> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path p : files.keySet()) if (d.equals(p.getParent()) && seen.add(p)) out.add(p);
    for (Path p : directories) if (d.equals(p.getParent()) && seen.add(p)) out.add(p);
    return out;
  }

  @Override
  public void createDirectories(Path directory) {
    Path d = norm(directory);
    while (d != null) {
      directories.add(d);
      d = d.getParent();
    }
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    MemFile f = files.remove(norm(source));
    if (f == null) throw new NoSuchFileException(source.toString());
    files.put(norm(target), f);
  }

  @Override
  public boolean delete(Path path) {
    Path p = norm(path);
    boolean file = files.remove(p) != null;
    boolean directory = directories.remove(p);
    return file || directory;
  }

  @Override
  public void forceDirectory(Path directory) {
    // directory entries are durable at once
  }

  @Override
  public long usableSpace(Path path) {
    return usableSpace;
  }

  @Override
  public Closeable lock(Path lockFile) throws IOException {
    Path p = norm(lockFile);
    if (!locks.add(p)) throw new IOException("directory is in use: another engine holds the lock " + p);
    return () -> locks.remove(p);
  }

  private final class Handle implements StorageFile {
    private final Path path;
    private final MemFile f;
    private final int openedIn;
    private volatile boolean closed;

    Handle(Path path, MemFile f, int openedIn) {
      this.path = path;
      this.f = f;
      this.openedIn = openedIn;
    }

    private void check() throws IOException {
      if (closed || openedIn != generation) throw new ClosedChannelException();
    }

    @Override
    public void write(ByteBuffer source, long position) throws IOException {
      check();
      synchronized (f) {
        int n = source.remaining();
        long end = position + n;
        if (end > Integer.MAX_VALUE) throw new IOException("memory file " + path + " cannot exceed 2 GiB");
        if (end > f.data.length) f.data = Arrays.copyOf(f.data, (int) Math.max(end, Math.min(Integer.MAX_VALUE, f.data.length * 2L)));
        if (position > f.size) Arrays.fill(f.data, f.size, (int) position, (byte) 0);
        source.get(f.data, (int) position, n);
        f.size = (int) Math.max(f.size, end);
      }
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
      check();
      synchronized (f) {
        if (position >= f.size) return -1;
        int n = (int) Math.min(target.remaining(), f.size - position);
        target.put(f.data, (int) position, n);
        return n;
      }
    }

    @Override
    public long size() throws IOException {
      check();
      synchronized (f) {
        return f.size;
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      check();
      synchronized (f) {
        if (size < f.size) f.size = (int) size;
      }
    }

    @Override
    public void force() throws IOException {
      check();
      synchronized (InMemoryStorage.this) {
        if (failNextForces > 0) {
          failNextForces--;
          throw new IOException("simulated force failure on " + path);
        }
      }
      synchronized (f) {
        f.durable = Arrays.copyOf(f.data, f.size);
      }
      forces.incrementAndGet();
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }
}
