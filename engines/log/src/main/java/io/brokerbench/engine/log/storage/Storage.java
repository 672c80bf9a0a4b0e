package io.brokerbench.engine.log.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations the log engine uses, and nothing more, so that tests can replace the file
 * system with a double that simulates power loss (every byte not yet {@link StorageFile#force()
 * forced} is discarded).
 *
 * <p>Implementations are thread-safe. Paths are absolute or relative to the process's working
 * directory, as given.
 */
public interface Storage {

  /**
   * Opens {@code path} for reading and writing, creating an empty file when it does not exist and
   * {@code create} is set.
   *
   * @throws java.nio.file.NoSuchFileException when the file is missing and {@code create} is false
   */
  StorageFile open(Path path, boolean create) throws IOException;

  /** Whether a file or directory exists at {@code path}. */
  boolean exists(Path path);

  /** The entries of {@code directory} (files and directories), in no particular order. */
  List<Path> list(Path directory) throws IOException;

  /** Creates {@code directory} and any missing parents; does nothing when it exists. */
  void createDirectories(Path directory) throws IOException;

  /**
   * Renames {@code source} to {@code target} atomically, replacing {@code target}; the rename is
   * durable once it returns.
   */
  void move(Path source, Path target) throws IOException;

  /** Deletes a file or an empty directory; does nothing when it does not exist. */
  void delete(Path path) throws IOException;

  /** Bytes still available to this process on the file system holding {@code path}. */
  long usableSpace(Path path) throws IOException;

  /**
   * Takes an exclusive lock on {@code lockFile} (created when missing), so that two engines never
   * open the same directory. Closing the returned handle releases it.
   *
   * @throws IOException when another holder has the lock; the message names the file
   */
  Closeable lock(Path lockFile) throws IOException;
}
