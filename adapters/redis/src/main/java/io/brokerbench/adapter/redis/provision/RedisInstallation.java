package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.InstalledProgram;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    return InstalledProgram.find(configured, "redis-server", environment, USUAL_PLACES);
  }

  /**
   * The installation, or empty when no executable is found or it does not tell its version.
   *
   * @param configured the {@code local.binary} setting, or null
   */
  public static Optional<RedisInstallation> find(String configured, Map<String, String> environment) {
    return InstalledProgram.describe(findBinary(configured, environment),
        binary -> new RedisInstallation(binary, versionOf(binary)));
  }

  /**
   * Runs {@code binary --version} and finds the version in what it prints ({@code Redis server
   * v=7.0.15 sha=...}).
   *
   * @throws IOException when it cannot run, times out, or prints no version
   */
  static String versionOf(Path binary) throws IOException, InterruptedException {
    String out = InstalledProgram.versionOutput(binary);
    Matcher m = VERSION.matcher(out);
    if (!out.startsWith("Redis server") || !m.find()) {
      throw new IOException(binary + " --version printed no Redis server version: '" + out + "'");
    }
    return m.group(1);
  }
}
