package io.brokerbench.engine.queue.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@link Storage} on a real directory. Thread-safe. */
public final class FileStorage implements Storage {
  private static final String LOCK_FILE = "lock";
  private final Path directory;

  /** Uses {@code directory}, creating it when absent. */
  public FileStorage(Path directory) throws IOException {
    this.directory = directory;
    Files.createDirectories(directory);
  }

  public Path directory() {
    return directory;
  }

  @Override
  public List<String> list() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(directory)) {
      s.forEach(p -> {
        String n = p.getFileName().toString();
        if (!n.equals(LOCK_FILE)) out.add(n);
      });
    }
    return out;
  }

  @Override
  public StorageFile open(String name, boolean create) throws IOException {
    Path p = directory.resolve(name);
    boolean existed = Files.exists(p);
    if (!create && !existed) throw new NoSuchFileException(p.toString());
    RandomAccessFile file = new RandomAccessFile(p.toFile(), "rw");
    if (!existed) forceDirectory();
    return new RandomAccessStorageFile(file, p);
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(directory.resolve(name));
  }

  @Override
  public void delete(String name) throws IOException {
    try {
      Files.delete(directory.resolve(name));
    } catch (NoSuchFileException e) {
      return;
    }
    forceDirectory();
  }

  @Override
  public void replace(String source, String target) throws IOException {
    Files.move(directory.resolve(source), directory.resolve(target), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    forceDirectory();
  }

  @Override
  public Closeable lock() throws IOException {
    FileChannel ch = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("directory " + directory + " is locked by another queue engine");
    }
    FileLock held = lock;
    return () -> {
      try {
        held.release();
      } finally {
        ch.close();
      }
    };
  }

  @Override
  public String describe() {
    return directory.toString();
  }

  private void forceDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory; the rename is still atomic there.
    }
  }

  /**
   * A file through {@link RandomAccessFile}, not {@link FileChannel}: an interrupted thread that
   * writes to a FileChannel closes the channel for every other thread, and acknowledgements write
   * through from whatever thread the caller runs on. Positioned reads and writes are serialised on
   * the file; {@link #force()} runs beside them.
   */
  private static final class RandomAccessStorageFile implements StorageFile {
    private final RandomAccessFile file;
    private final Path path;
    /** The file pointer, guarded by {@code file}: appends at the pointer need no seek call. */
    private long pointer;

    RandomAccessStorageFile(RandomAccessFile file, Path path) {
      this.file = file;
      this.path = path;
    }

    @Override
    public long size() throws IOException {
      return file.length();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      synchronized (file) {
        if (position >= file.length()) return -1;
        seek(position);
        int n;
        if (dst.hasArray()) {
          n = file.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
          if (n > 0) dst.position(dst.position() + n);
        } else {
          byte[] tmp = new byte[dst.remaining()];
          n = file.read(tmp);
          if (n > 0) dst.put(tmp, 0, n);
        }
        if (n > 0) pointer += n;
        return n;
      }
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      byte[] data;
      int off;
      int len = src.remaining();
      if (src.hasArray()) {
        data = src.array();
        off = src.arrayOffset() + src.position();
      } else {
        data = new byte[len];
        src.duplicate().get(data);
        off = 0;
      }
      synchronized (file) {
        seek(position);
        file.write(data, off, len);
        pointer += len;
      }
      src.position(src.position() + len);
    }

    private void seek(long position) throws IOException {
      if (pointer != position) {
        file.seek(position);
        pointer = position;
      }
    }

    @Override
    public void force() throws IOException {
      file.getFD().sync();
    }

    @Override
    public void truncate(long size) throws IOException {
      synchronized (file) {
        file.setLength(size);
        pointer = file.getFilePointer();
      }
      file.getFD().sync();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }
}
