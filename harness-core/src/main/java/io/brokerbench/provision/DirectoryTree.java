package io.brokerbench.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a broker's data directory after a run. Stateless and thread-safe. */
public final class DirectoryTree {
  private DirectoryTree() {}

  /**
   * Deletes {@code root} and everything under it, as far as it can; never throws. Meant for data in
   * the run's work directory after the broker is stopped, where a leftover file is harmless.
   */
  public static void deleteQuietly(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | UncheckedIOException e) {
      // Leftover data in the run's work directory is harmless; the broker is already stopped.
    }
  }
}
