package io.brokerbench.adapter.redis.provision;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An installed redis-server executable and its version, from which the harness starts private
 * servers.
 *
 * <p>The path is used as found, never with its links resolved: Debian's {@code /usr/bin/redis-server}
 * is a link to {@code redis-check-rdb}, one program that acts as the server or as the RDB checker by
 * the name it is started under.
 *
 * @param binary the executable
 * @param version what {@code binary --version} printed after {@code v=}, e.g. {@code 7.0.15}
 */
public record RedisInstallation(Path binary, String version) {
  /** Where Debian's {@code redis-server} package and manual installs put the executable. */
  static final List<Path> USUAL_PLACES =
      List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server"), Path.of("/usr/sbin/redis-server"));

  /** How long {@code --version} may take. */
  private static final long VERSION_TIMEOUT_SECONDS = 10;
  private static final Pattern VERSION = Pattern.compile("v=(\\d+\\.\\d+\\.\\d+\\S*)");

  /** What a local server needs, for messages. */
  public static String requirement() {
    return "an installed redis-server (apt-get install redis-server, or set local.binary)";
  }

  /**
   * The executable to use: {@code configured} when given (it must be executable), else the first
   * {@code redis-server} on the {@code PATH}, else the first of {@link #USUAL_PLACES}.
   */
  static Optional<Path> findBinary(String configured, Map<String, String> environment) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured.strip());
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    String path = environment.get("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) if (!dir.isEmpty()) candidates.add(Path.of(dir, "redis-server"));
    }
    candidates.addAll(USUAL_PLACES);
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * The installation, or empty when no executable is found or it does not tell its version.
   *
   * @param configured the {@code local.binary} setting, or null
   */
  public static Optional<RedisInstallation> find(String configured, Map<String, String> environment) {
    Optional<Path> binary = findBinary(configured, environment);
    if (binary.isEmpty()) return Optional.empty();
    try {
      return Optional.of(new RedisInstallation(binary.get(), versionOf(binary.get())));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Runs {@code binary --version} and finds the version in what it prints ({@code Redis server
   * v=7.0.15 sha=...}).
   *
   * @throws IOException when it cannot run, times out, or prints no version
   */
  static String versionOf(Path binary) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(binary + " --version did not answer within " + VERSION_TIMEOUT_SECONDS + " s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    Matcher m = VERSION.matcher(out);
    if (!out.startsWith("Redis server") || !m.find()) {
      throw new IOException(binary + " --version printed no Redis server version: '" + out + "'");
    }
    return m.group(1);
  }
}
