package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private nats-server: which executable, where its files live, its port and timeouts.
 *
 * <p>Layout under {@link #baseDirectory()}:
 * <pre>
 * nats-server.conf   the configuration ({@link ServerConfiguration}), passed with -c
 * nats-server.log    the server's output (stdout and stderr)
 * store/             JetStream's store_dir (deleted after the run unless kept)
 * </pre>
 *
 * @param installation the executable and its version
 * @param baseDirectory where its files go, inside the run's work directory
 * @param serverName the server's name
 * @param port its client port on 127.0.0.1
 * @param sync JetStream's sync interval, or null for the server's own
 * @param startTimeout bound on the server accepting connections
 * @param stopTimeout bound on a graceful stop (SIGTERM) before SIGKILL
 */
public record LocalServerConfig(NatsInstallation installation, Path baseDirectory, String serverName, int port,
    SyncPolicy sync, Duration startTimeout, Duration stopTimeout) {

  public LocalServerConfig {
    baseDirectory = baseDirectory.toAbsolutePath();
  }

  /** A server name for run {@code runId}: {@code bb-<run id>-<suffix>}, with anything else replaced by {@code _}. */
  public static String serverNameFor(String runId, String suffix) {
    return ("bb-" + runId + "-" + suffix).replaceAll("[^A-Za-z0-9_-]", "_");
  }

  public Path configFile() {
    return baseDirectory.resolve("nats-server.conf");
  }

  public Path logFile() {
    return baseDirectory.resolve("nats-server.log");
  }

  public Path storeDirectory() {
    return baseDirectory.resolve("store");
  }

  /** Where clients connect. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** The configuration file's content: listening on 127.0.0.1 only. */
  public ServerConfiguration serverConfiguration() {
    return new ServerConfiguration(serverName, "127.0.0.1", port, storeDirectory().toString(), sync);
  }
}
