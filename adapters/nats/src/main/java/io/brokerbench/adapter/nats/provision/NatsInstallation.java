package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.ServerVersion;
import io.brokerbench.provision.InstalledProgram;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** What a local server needs, for messages. */
  public static String requirement() {
    return "an installed nats-server (apt-get install nats-server, or set local.binary)";
  }

  /**
   * The executable to use: {@code configured} when given (it must be executable), else the first
   * {@code nats-server} on the {@code PATH}, else the first of {@link #USUAL_PLACES}.
   */
  static Optional<Path> findBinary(String configured, Map<String, String> environment) {
    return InstalledProgram.find(configured, "nats-server", environment, USUAL_PLACES);
  }

  /**
   * The installation, or empty when no executable is found or it does not tell its version.
   *
   * @param configured the {@code local.binary} setting, or null
   */
  public static Optional<NatsInstallation> find(String configured, Map<String, String> environment) {
    return InstalledProgram.describe(findBinary(configured, environment),
        binary -> new NatsInstallation(binary, versionOf(binary)));
  }

  /**
   * Runs {@code binary --version} and parses what it prints ({@code nats-server: v2.9.10}).
   *
   * @throws IOException when it cannot run, times out, or prints no version
   */
  static ServerVersion versionOf(Path binary) throws IOException, InterruptedException {
    String out = InstalledProgram.versionOutput(binary);
    try {
      return ServerVersion.parse(out);
    } catch (IllegalArgumentException e) {
      throw new IOException(binary + " --version printed no version: '" + out + "'", e);
    }
  }
}
