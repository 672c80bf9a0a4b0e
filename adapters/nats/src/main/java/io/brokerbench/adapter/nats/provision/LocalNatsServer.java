package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.SyncPolicy;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.provision.LocalServerSpec;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.Readiness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A private nats-server with JetStream, as a {@link LocalServer}: started from an installed
 * executable with {@code nats-server -c <file>}, listening on 127.0.0.1 only, ready once its client
 * port accepts connections, with its configuration, output and store under {@link
 * LocalServerConfig#baseDirectory()} in the run's work directory. nats-server shuts down cleanly on
 * SIGTERM. The server on 127.0.0.1:4222 (Debian's service) is never touched. Stateless.
 */
public final class LocalNatsServer {
  private LocalNatsServer() {}

  /**
   * Starts a server and waits until it accepts connections.
   *
   * @param keepData whether {@link LocalServer#close()} keeps the store directory
   * @param log one-line progress messages
   * @throws ProvisionException when a sync interval is asked of a server older than 2.10 (before
   *     anything is written or started), and as {@link LocalServer#start}
   */
  public static LocalServer start(LocalServerConfig config, boolean keepData, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    if (config.sync() != null) {
      try {
        SyncPolicy.requireSupportedBy(config.installation().version());
      } catch (IllegalArgumentException e) {
        throw new ProvisionException(e.getMessage() + " (" + config.installation().binary() + ")");
      }
    }
    return LocalServer.start(spec(config), keepData, log);
  }

  /** What the server is: its command, configuration file, store, readiness check and report. */
  static LocalServerSpec spec(LocalServerConfig config) {
    Map<String, String> description = new LinkedHashMap<>();
    description.put("local.server-name", config.serverName());
    description.put("local.port", Integer.toString(config.port()));
    description.put("local.binary", config.installation().binary().toString());
    description.put("local.directory", config.baseDirectory().toString());
    return new LocalServerSpec("nats-server " + config.serverName(), config.port(),
        List.of(config.installation().binary().toString(), "-c", config.configFile().toString()),
        config.baseDirectory(), config.logFile(), Map.of(config.configFile(), config.serverConfiguration().text()),
        config.storeDirectory(), Readiness.portOpen(config.port()), config.startTimeout(), config.stopTimeout(),
        config.url(), description,
        pid -> "private nats-server " + config.installation().version() + " ready on 127.0.0.1:" + config.port()
            + " (pid " + pid + ", store " + config.storeDirectory() + ")");
  }
}
