package io.brokerbench.engine.queue;

import io.brokerbench.commons.storage.Storage;
import io.brokerbench.commons.storage.StorageFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's data directory on a {@link Storage}: files by plain name (no separators), with the
 * queue engine's rule that every change to the directory is durable when the call returns. A file
 * created by {@link #open} and one removed by {@link #delete} are followed by a force of the
 * directory; {@link #replace} is an atomic, durable rename. (A journal segment deleted without that
 * force could reappear after a power loss, and with it messages acknowledged long ago.)
 *
 * <p>Thread-safe, as its storage.
 */
final class QueueDirectory {
  /** The directory's lock file, held while an engine has it open. */
  static final String LOCK_FILE = "lock";

  private final Storage storage;
  private final Path directory;

  /** Uses {@code directory} on {@code storage}, creating it when absent. */
  QueueDirectory(Storage storage, Path directory) throws IOException {
    this.storage = storage;
    this.directory = directory;
    storage.createDirectories(directory);
  }

  /** Names of the files present (not the lock file), in no particular order. */
  List<String> names() throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : storage.list(directory)) {
      String name = p.getFileName().toString();
      if (!name.equals(LOCK_FILE)) out.add(name);
    }
    return out;
  }

  /** Opens {@code name} for reading and writing; a file it creates is durably in the directory. */
  StorageFile open(String name, boolean create) throws IOException {
    Path path = directory.resolve(name);
    boolean existed = storage.exists(path);
    StorageFile file = storage.open(path, create);
    if (!existed) storage.forceDirectory(directory);
    return file;
  }

  boolean exists(String name) {
    return storage.exists(directory.resolve(name));
  }

  /** Deletes {@code name} if present; the deletion is durable when this returns. */
  void delete(String name) throws IOException {
    if (storage.delete(directory.resolve(name))) storage.forceDirectory(directory);
  }

  /**
   * Replaces {@code target} by {@code source} in one atomic, durable step: after a crash either the
   * old or the new content is there.
   */
  void replace(String source, String target) throws IOException {
    storage.move(directory.resolve(source), directory.resolve(target));
  }

  /**
   * Takes the directory's exclusive lock, so a second engine cannot open it.
   *
   * @throws IOException when another holder has it; the message names the lock file
   */
  Closeable lock() throws IOException {
    return storage.lock(directory.resolve(LOCK_FILE));
  }

  /** The directory, for error messages. */
  String describe() {
    return directory.toString();
  }
}
