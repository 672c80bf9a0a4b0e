package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.ServerVersion;
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
 * An installed nats-server executable and its version, from which the harness starts private
 * servers.
 *
 * @param binary the executable
 * @param version what {@code binary --version} printed
 */
public record NatsInstallation(Path binary, ServerVersion version) {
  /** Where Debian's {@code nats-server} package and manual installs put the executable. */
  static final List<Path> USUAL_PLACES =
      List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"), Path.of("/usr/local/bin/nats-server"));

  /** How long {@code --version} may take. */
  private static final long VERSION_TIMEOUT_SECONDS = 10;

  /** What a local server needs, for messages. */
  public static String requirement() {
    return "an installed nats-server (apt-get install nats-server, or set local.binary)";
  }

  /**
   * The executable to use: {@code configured} when given (it must be executable), else the first
   * {@code nats-server} on the {@code PATH}, else the first of {@link #USUAL_PLACES}.
   */
  static Optional<Path> findBinary(String configured, Map<String, String> environment) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured.strip());
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    String path = environment.get("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) if (!dir.isEmpty()) candidates.add(Path.of(dir, "nats-server"));
    }
    candidates.addAll(USUAL_PLACES);
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * The installation, or empty when no executable is found or it does not tell its version.
   *
   * @param configured the {@code local.binary} setting, or null
   */
  public static Optional<NatsInstallation> find(String configured, Map<String, String> environment) {
    Optional<Path> binary = findBinary(configured, environment);
    if (binary.isEmpty()) return Optional.empty();
    try {
      return Optional.of(new NatsInstallation(binary.get(), versionOf(binary.get())));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Runs {@code binary --version} and parses what it prints ({@code nats-server: v2.9.10}).
   *
   * @throws IOException when it cannot run, times out, or prints no version
   */
  static ServerVersion versionOf(Path binary) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(binary + " --version did not answer within " + VERSION_TIMEOUT_SECONDS + " s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      return ServerVersion.parse(out);
    } catch (IllegalArgumentException e) {
      throw new IOException(binary + " --version printed no version: '" + out + "'", e);
    }
  }
}
