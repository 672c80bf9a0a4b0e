package io.brokerbench.benchmarks.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories for the log benchmarks: created per trial, deleted afterwards. */
final class BenchFiles {
  private BenchFiles() {}

  /** A fresh directory under {@code java.io.tmpdir} (or {@code -Dbench.dir}). */
  static Path freshDirectory(String prefix) {
    try {
      Path parent = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
      return Files.createTempDirectory(parent, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
