package io.brokerbench.engine.queue.storage;

import java.io.Closeable;
import java.io.IOException;
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

/** {@link Storage} on a real directory through {@link FileChannel}. Thread-safe. */
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
    FileChannel ch = create
        ? FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
        : FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (create) forceDirectory();
    return new ChannelFile(ch, p);
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

  private static final class ChannelFile implements StorageFile {
    private final FileChannel channel;
    private final Path path;

    ChannelFile(FileChannel channel, Path path) {
      this.channel = channel;
      this.path = path;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      long pos = position;
      while (src.hasRemaining()) {
        pos += channel.write(src, pos);
      }
    }

    @Override
    public void force() throws IOException {
      channel.force(false);
    }

    @Override
    public void truncate(long size) throws IOException {
      channel.truncate(size);
      channel.force(true);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }
}
