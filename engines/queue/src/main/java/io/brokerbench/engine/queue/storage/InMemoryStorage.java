package io.brokerbench.engine.queue.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Storage} in memory that models a disk with a volatile cache: bytes written are visible
 * at once (and survive a process crash, like the OS page cache), but only bytes covered by {@link
 * StorageFile#force()} survive {@link #powerLoss()}. Creating, deleting, truncating and replacing
 * files are durable at once (as with a journaling file system and a forced directory).
 *
 * <p>Thread-safe: every operation synchronises on the storage.
 */
public final class InMemoryStorage implements Storage {
  private final Map<String, MemFile> files = new HashMap<>();
  private boolean locked;
  private long forces;

  @Override
  public synchronized List<String> list() {
    return new ArrayList<>(files.keySet());
  }

  @Override
  public synchronized StorageFile open(String name, boolean create) throws IOException {
    MemFile f = files.get(name);
    if (f == null) {
      if (!create) throw new IOException("no file " + name + " in memory storage");
      f = new MemFile();
      files.put(name, f);
    }
    return new Handle(name, f);
  }

  @Override
  public synchronized boolean exists(String name) {
    return files.containsKey(name);
  }

  @Override
  public synchronized void delete(String name) {
    files.remove(name);
  }

  @Override
  public synchronized void replace(String source, String target) throws IOException {
    MemFile f = files.remove(source);
    if (f == null) throw new IOException("no file " + source + " in memory storage");
    f.durable = Arrays.copyOf(f.data, f.size);
    files.put(target, f);
  }

  @Override
  public synchronized Closeable lock() throws IOException {
    if (locked) throw new IOException("memory storage is locked by another queue engine");
    locked = true;
    return () -> {
      synchronized (InMemoryStorage.this) {
        locked = false;
      }
    };
  }

  @Override
  public String describe() {
    return "memory storage";
  }

  /**
   * Simulates a power loss: every file reverts to the bytes its last force covered. Call it only
   * when no engine has the storage open (after {@code crash()}).
   */
  public synchronized void powerLoss() {
    for (MemFile f : files.values()) {
      f.data = Arrays.copyOf(f.durable, Math.max(16, f.durable.length));
      f.size = f.durable.length;
    }
  }

  /** Forces performed since creation. */
  public synchronized long forces() {
    return forces;
  }

  /** Size in bytes of {@code name}, or -1 when absent. */
  public synchronized long sizeOf(String name) {
    MemFile f = files.get(name);
    return f == null ? -1 : f.size;
  }

  /** Flips bit {@code bit} (0-7) of byte {@code offset} of {@code name}, in the visible and the forced image. */
  public synchronized void flipBit(String name, long offset, int bit) {
    MemFile f = files.get(name);
    f.data[(int) offset] ^= (byte) (1 << bit);
    if (offset < f.durable.length) f.durable[(int) offset] ^= (byte) (1 << bit);
  }

  private static final class MemFile {
    byte[] data = new byte[256];
    int size;
    byte[] durable = new byte[0];
  }

  private final class Handle implements StorageFile {
    private final String name;
    private final MemFile file;
    private boolean closed;

    Handle(String name, MemFile file) {
      this.name = name;
      this.file = file;
    }

    private void check() throws IOException {
      if (closed) throw new IOException("file " + name + " is closed");
    }

    @Override
    public long size() throws IOException {
      synchronized (InMemoryStorage.this) {
        check();
        return file.size;
      }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      synchronized (InMemoryStorage.this) {
        check();
        if (position >= file.size) return -1;
        int n = (int) Math.min(dst.remaining(), file.size - position);
        dst.put(file.data, (int) position, n);
        return n;
      }
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      synchronized (InMemoryStorage.this) {
        check();
        int n = src.remaining();
        long end = position + n;
        if (end > Integer.MAX_VALUE) throw new IOException("memory file " + name + " cannot exceed 2 GiB");
        if (end > file.data.length) file.data = Arrays.copyOf(file.data, (int) Math.max(end, file.data.length * 2L));
        src.get(file.data, (int) position, n);
        file.size = (int) Math.max(file.size, end);
      }
    }

    @Override
    public void force() throws IOException {
      synchronized (InMemoryStorage.this) {
        check();
        file.durable = Arrays.copyOf(file.data, file.size);
        forces++;
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      synchronized (InMemoryStorage.this) {
        check();
        if (size < file.size) file.size = (int) size;
        if (size < file.durable.length) file.durable = Arrays.copyOf(file.durable, (int) size);
      }
    }

    @Override
    public void close() {
      synchronized (InMemoryStorage.this) {
        closed = true;
      }
    }
  }
}
