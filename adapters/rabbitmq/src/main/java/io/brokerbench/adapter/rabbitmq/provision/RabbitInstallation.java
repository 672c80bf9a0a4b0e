package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.InstalledProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An installed RabbitMQ server that a private node can be started from: its package directory
 * {@code .../rabbitmq_server-<version>} with {@code sbin/rabbitmq-server} and {@code sbin/rabbitmqctl}.
 *
 * <p>The scripts of the package directory are used, not the {@code rabbitmq-server} wrapper on the
 * PATH: the Debian wrapper switches to the {@code rabbitmq} user through {@code su}, so signals would
 * reach {@code su} and the node would not be owned by the harness's user.
 *
 * @param serverDirectory the package directory
 * @param version from the directory name, e.g. {@code 3.10.8}, or {@code unknown}
 */
public record RabbitInstallation(Path serverDirectory, String version) {

  /** Where distribution packages put the server: Debian/Ubuntu and RPM layouts. */
  static final List<Path> SEARCH_ROOTS = List.of(Path.of("/usr/lib/rabbitmq/lib"), Path.of("/usr/local/lib/rabbitmq/lib"));

  public Path serverScript() {
    return serverDirectory.resolve("sbin").resolve("rabbitmq-server");
  }

  public Path ctlScript() {
    return serverDirectory.resolve("sbin").resolve("rabbitmqctl");
  }

  /** Whether both scripts are executable and an {@code erl} is on the {@code PATH} of {@code environment}. */
  public boolean usable(Map<String, String> environment) {
    return Files.isExecutable(serverScript()) && Files.isExecutable(ctlScript())
        && InstalledProgram.onPath("erl", environment.get("PATH"));
  }

  /**
   * The installation in {@code configured} when given (a {@code rabbitmq_server-*} directory),
   * otherwise the highest version under the usual package roots; empty when none is found.
   */
  public static Optional<RabbitInstallation> find(String configured, Map<String, String> environment) {
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured);
      return Files.isDirectory(dir) ? Optional.of(of(dir)) : Optional.empty();
    }
    return SEARCH_ROOTS.stream().flatMap(RabbitInstallation::packageDirectories)
        .map(RabbitInstallation::of)
        .filter(installation -> installation.usable(environment))
        .max(Comparator.comparing(RabbitInstallation::version, RabbitInstallation::compareVersions));
  }

  /** What a local node needs, for error messages. */
  public static String requirement() {
    return "an installed rabbitmq-server and Erlang (e.g. apt-get install rabbitmq-server), found under "
        + SEARCH_ROOTS + " or given as local.server-dir";
  }

  private static RabbitInstallation of(Path dir) {
    String name = dir.getFileName().toString();
    String version = name.startsWith("rabbitmq_server-") ? name.substring("rabbitmq_server-".length()) : "unknown";
    return new RabbitInstallation(dir, version);
  }

  private static Stream<Path> packageDirectories(Path root) {
    if (!Files.isDirectory(root)) return Stream.empty();
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(p -> p.getFileName().toString().startsWith("rabbitmq_server-")).toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(number(x, i), number(y, i));
      if (c != 0) return c;
    }
    return 0;
  }

  private static int number(String[] parts, int i) {
    if (i >= parts.length) return 0;
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
