package io.brokerbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/** Stand-ins for what provisioning probes on a machine: executables that print what a test wants, an environment without Docker. */
public final class StandIns {
  private StandIns() {}

  /** An executable {@code /bin/sh} script {@code dir/name} running {@code body} (e.g. {@code echo 'v1.2.3'}). */
  public static Path script(Path dir, String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  /**
   * An environment in which no Docker engine answers ({@code DOCKER_HOST} names a socket that does
   * not exist under {@code dir}) and nothing is on the {@code PATH}, plus {@code extra} name/value
   * pairs.
   */
  public static Map<String, String> noDocker(Path dir, String... extra) {
    Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"),
        "PATH", dir.resolve("empty-path").toString()));
    for (int i = 0; i < extra.length; i += 2) env.put(extra[i], extra[i + 1]);
    return env;
  }
}
