package io.brokerbench.engine.queue;

import java.nio.file.Path;

/** Where the queue tests keep an engine's files on an {@link io.brokerbench.commons.storage.InMemoryStorage}. */
final class MemoryDirectory {
  static final Path DIR = Path.of("/memory/queue-engine");

  private MemoryDirectory() {}

  /** The path of file {@code name} in {@link #DIR}. */
  static Path file(String name) {
    return DIR.resolve(name);
  }
}
