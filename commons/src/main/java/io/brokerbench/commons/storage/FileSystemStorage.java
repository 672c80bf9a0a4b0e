package io.brokerbench.commons.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
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

/**
 * {@link Storage} on the real file system; files are read and written as its {@link FileAccess}
 * says. Holds no state but that choice; thread-safe.
 */
public final class FileSystemStorage implements Storage {
  private final FileAccess access;

  public FileSystemStorage(FileAccess access) {
    if (access == null) throw new IllegalArgumentException("access must not be null");
    this.access = access;
  }

  public FileAccess access() {
    return access;
  }

  @Override
  public StorageFile open(Path path, boolean create) throws IOException {
    return switch (access) {
      case CHANNEL -> new ChannelStorageFile(path, create
          ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
          : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
      case RANDOM_ACCESS_FILE -> {
        if (!create && !Files.exists(path)) throw new NoSuchFileException(path.toString());
        yield new RandomAccessStorageFile(path, new RandomAccessFile(path.toFile(), "rw"));
      }
    };
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public List<Path> list(Path directory) throws IOException {
    try (Stream<Path> s = Files.list(directory)) {
      return new ArrayList<>(s.toList());
    }
  }

  @Override
  public void createDirectories(Path directory) throws IOException {
    Files.createDirectories(directory);
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(target.toAbsolutePath().getParent());
  }

  @Override
  public boolean delete(Path path) throws IOException {
    return Files.deleteIfExists(path);
  }

  @Override
  public void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory; a rename there is still atomic.
    }
  }

  @Override
  public long usableSpace(Path path) throws IOException {
    return Files.getFileStore(path).getUsableSpace();
  }

  @Override
  public Closeable lock(Path lockFile) throws IOException {
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("directory is in use: another engine holds the lock " + lockFile);
    }
    FileLock held = lock;
    return () -> {
      try {
        held.release();
      } finally {
        channel.close();
      }
    };
  }
}
