package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.LocalServer;
import io.brokerbench.provision.LocalServerSpec;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.Readiness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A private redis-server, as a {@link LocalServer}: started from an installed executable with
 * {@code redis-server <redis.conf>}, listening on 127.0.0.1 only, ready once it answers {@code PING}
 * (not {@code -LOADING}, also after a restart that reloads the append-only file), with its
 * configuration, output and data under {@link LocalServerConfig#baseDirectory()} in the run's work
 * directory. On SIGTERM Redis shuts down cleanly: it flushes and fsyncs the append-only file. The
 * server on 127.0.0.1:6379 (Debian's service) is never touched. Stateless.
 */
public final class LocalRedisServer {
  private LocalRedisServer() {}

  /**
   * Starts a server and waits until it answers.
   *
   * @param keepData whether {@link LocalServer#close()} keeps the data directory
   * @param log one-line progress messages
   * @throws ProvisionException as {@link LocalServer#start}
   */
  public static LocalServer start(LocalServerConfig config, boolean keepData, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    return LocalServer.start(spec(config), keepData, log);
  }

  /** What the server is: its command, configuration file, data, readiness check and report. */
  static LocalServerSpec spec(LocalServerConfig config) {
    Map<String, String> description = new LinkedHashMap<>();
    description.put("local.port", Integer.toString(config.port()));
    description.put("local.binary", config.installation().binary().toString());
    description.put("local.directory", config.baseDirectory().toString());
    return new LocalServerSpec("redis-server", config.port(),
        List.of(config.installation().binary().toString(), config.configFile().toString()), config.baseDirectory(),
        config.logFile(), Map.of(config.configFile(), config.serverConfiguration().text()), config.dataDirectory(),
        new Readiness(() -> PingProbe.pongOnLoopback(config.port(), Readiness.PROBE_MILLIS),
            "answer PING on 127.0.0.1:" + config.port()),
        config.startTimeout(), config.stopTimeout(), config.url(), description,
        pid -> "private redis-server " + config.installation().version() + " ready on 127.0.0.1:" + config.port()
            + " (pid " + pid + ", " + config.persistence().describe() + ", data " + config.dataDirectory() + ")");
  }
}
