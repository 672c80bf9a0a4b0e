package io.brokerbench.engine.queue.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A flat directory of files: all the engine's file I/O goes through it, so tests can replace the
 * disk with {@link InMemoryStorage}, which simulates a power loss by discarding unforced bytes.
 *
 * <p>Names are plain file names (no separators). Thread-safe.
 */
public interface Storage {

  /** Names of the files present, in no particular order. */
  List<String> list() throws IOException;

  /** Opens {@code name} for reading and writing, creating it empty when {@code create} and absent. */
  StorageFile open(String name, boolean create) throws IOException;

  boolean exists(String name) throws IOException;

  /** Deletes {@code name} if present; the deletion is durable when this returns. */
  void delete(String name) throws IOException;

  /**
   * Replaces {@code target} by {@code source} in one atomic, durable step (rename, then the
   * directory is forced): after a crash either the old or the new content is there.
   */
  void replace(String source, String target) throws IOException;

  /**
   * Takes the directory's exclusive lock, so a second engine cannot open it.
   *
   * @throws IOException when another holder has it; the message names the directory
   */
  Closeable lock() throws IOException;

  /** A human description, e.g. the directory path, for error messages. */
  String describe();
}
