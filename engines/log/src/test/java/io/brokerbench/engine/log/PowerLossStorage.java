package io.brokerbench.engine.log;

import io.brokerbench.engine.log.storage.Storage;
import io.brokerbench.engine.log.storage.StorageFile;
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

/**
 * An in-memory {@link Storage} that can simulate a power loss: {@link #powerLoss()} resets every file
 * to the bytes it held at its last {@link StorageFile#force()}, discarding everything written after.
 * A file never forced comes back empty. Deleted files stay deleted; directory entries are durable.
 *
 * <p>It can also report a chosen usable space and fail forces on demand. Thread-safe (one monitor
 * per file).
 */
final class PowerLossStorage implements Storage {
  private final Map<Path, MemFile> files = new ConcurrentHashMap<>();
  private final Set<Path> directories = ConcurrentHashMap.newKeySet();
  private final Set<Path> locks = ConcurrentHashMap.newKeySet();
  volatile long usableSpace = Long.MAX_VALUE / 4;
  volatile int failNextForces;

  private static final class MemFile {
    byte[] data = new byte[0];
    int size;
    byte[] durable = new byte[0];
  }

  /** Every file back to its last forced content; open handles stop working; locks are released. */
  void powerLoss() {
    for (MemFile f : files.values()) {
      synchronized (f) {
        f.data = f.durable.clone();
        f.size = f.durable.length;
      }
    }
    locks.clear();
    generation++;
  }

  private volatile int generation;

  /** Bytes of {@code path} as they are now (not only durable ones). */
  byte[] contents(Path path) {
    MemFile f = files.get(path.toAbsolutePath().normalize());
    synchronized (f) {
      return Arrays.copyOf(f.data, f.size);
    }
  }

  /** Replaces the bytes of {@code path}, durable at once (for corruption tests). */
  void replace(Path path, byte[] bytes) {
    MemFile f = files.get(path.toAbsolutePath().normalize());
    synchronized (f) {
      f.data = bytes.clone();
      f.size = bytes.length;
      f.durable = bytes.clone();
    }
  }

  private static Path norm(Path p) {
    return p.toAbsolutePath().normalize();
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
  public void delete(Path path) {
    Path p = norm(path);
    files.remove(p);
    directories.remove(p);
  }

  @Override
  public long usableSpace(Path path) {
    return usableSpace;
  }

  @Override
  public Closeable lock(Path lockFile) throws IOException {
    Path p = norm(lockFile);
    if (!locks.add(p)) throw new IOException("directory is in use: lock " + p + " is held");
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
        int end = Math.toIntExact(position + n);
        if (end > f.data.length) f.data = Arrays.copyOf(f.data, Math.max(end, f.data.length * 2));
        if (position > f.size) Arrays.fill(f.data, f.size, (int) position, (byte) 0);
        source.get(f.data, (int) position, n);
        f.size = Math.max(f.size, end);
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
      if (failNextForces > 0) {
        failNextForces--;
        throw new IOException("simulated force failure on " + path);
      }
      synchronized (f) {
        f.durable = Arrays.copyOf(f.data, f.size);
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
