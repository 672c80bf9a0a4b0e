package io.brokerbench.commons.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations the engines use, and nothing more, so that tests can replace the disk with
 * {@link InMemoryStorage}, which simulates a power loss by discarding every byte not yet {@link
 * StorageFile#force() forced}.
 *
 * <h2>Durability</h2>
 * File contents are durable once {@link StorageFile#force()} returns. Directory entries: {@link
 * #move} is atomic and durable once it returns; a file {@link #open created} or {@link #delete
 * deleted} is durable only after {@link #forceDirectory} of its directory (engines that need every
 * create and delete durable at once call it themselves; the log engine does not).
 *
 * <p>Paths are absolute or relative to the process's working directory, as given. Implementations
 * are thread-safe.
 */
public interface Storage {

  /**
   * Opens {@code path} for reading and writing, creating an empty file when it does not exist and
   * {@code create} is set. The directory must exist.
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
   * durable once it returns (the target's directory is forced). After a crash either the old or
   * the new content is at {@code target}.
   */
  void move(Path source, Path target) throws IOException;

  /**
   * Deletes a file or an empty directory; does nothing when it does not exist. Not durable until
   * {@link #forceDirectory} of its directory.
   *
   * @return whether something was deleted
   */
  boolean delete(Path path) throws IOException;

  /**
   * Makes the entries of {@code directory} durable: files created and deleted in it so far stay so
   * after a power loss. A file system that cannot open a directory for this is skipped silently
   * (its renames are still atomic).
   */
  void forceDirectory(Path directory) throws IOException;

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
