package io.brokerbench.provision;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finding an installed broker executable and asking it its version, the way every adapter that
 * starts a private server from one does. Stateless and thread-safe.
 */
public final class InstalledProgram {
  /** How long {@code --version} may take, in seconds. */
  public static final long VERSION_TIMEOUT_SECONDS = 10;

  private InstalledProgram() {}

  /**
   * The executable to use: {@code configured} when given (it must be executable), else the first
   * {@code program} on the {@code PATH} of {@code environment}, else the first executable of
   * {@code usualPlaces}. The path is returned as found, never with its links resolved (a program may
   * act by the name it is started under).
   */
  public static Optional<Path> find(String configured, String program, Map<String, String> environment,
      List<Path> usualPlaces) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured.strip());
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    String path = environment.get("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) if (!dir.isEmpty()) candidates.add(Path.of(dir, program));
    }
    candidates.addAll(usualPlaces);
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Whether an executable {@code program} is in a directory of {@code path} (a {@code PATH} value, or null). */
  public static boolean onPath(String program, String path) {
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /**
   * Runs {@code binary --version} (stdin closed, stderr merged) and returns what it printed,
   * stripped; the caller parses it.
   *
   * @throws IOException when it cannot run or does not exit within {@link #VERSION_TIMEOUT_SECONDS}
   *     (it is then killed)
   */
  public static String versionOutput(Path binary) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(binary + " --version did not answer within " + VERSION_TIMEOUT_SECONDS + " s");
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  /**
   * The installation {@code describe} makes of {@code binary}, or empty when there is no binary or
   * it cannot tell its version ({@link IOException}); an interrupt is kept and gives empty.
   */
  public static <I> Optional<I> describe(Optional<Path> binary, VersionedInstallation<I> describe) {
    if (binary.isEmpty()) return Optional.empty();
    try {
      return Optional.of(describe.of(binary.get()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Makes an installation of an executable, asking it its version. */
  @FunctionalInterface
  public interface VersionedInstallation<I> {
    I of(Path binary) throws IOException, InterruptedException;
  }
}
