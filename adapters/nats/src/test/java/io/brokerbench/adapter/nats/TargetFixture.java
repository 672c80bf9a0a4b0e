package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.provision.LocalNatsServer;
import io.brokerbench.adapter.nats.provision.LocalServerConfig;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.testing.TargetRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The NATS pieces of a test against a real nats-server; the run itself is a {@link TargetRun}. */
final class TargetFixture {
  private TargetFixture() {}

  /** A private server's configuration under {@code dir}, on a free port; skipped when nats-server is not installed. */
  static LocalServerConfig serverConfig(Path dir) {
    return new LocalServerConfig(Servers.installationOrSkip(), dir, "bb-it-" + FreePorts.allocate(), FreePorts.allocate(),
        null, Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  /** Starts the private server {@code config} describes. */
  static LocalServer startServer(LocalServerConfig config) throws Exception {
    return LocalNatsServer.start(config, false, line -> { });
  }

  /** A NATS target of {@code run} with {@code settings}. */
  static NatsTarget create(TargetRun run, Map<String, Object> settings) {
    return (NatsTarget) run.create(new NatsTargetProvider(), settings);
  }

  /** Settings for the server at {@code url} plus {@code extra} name/value pairs. */
  static Map<String, Object> external(String url, Object... extra) {
    return TargetRun.external("url", url, extra);
  }
}
