package io.brokerbench.adapter.redis.provision;

import io.brokerbench.adapter.redis.Persistence;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private redis-server: which executable, where its files live, its port, persistence and
 * timeouts.
 *
 * <p>Layout under {@link #baseDirectory()}:
 * <pre>
 * redis.conf         the configuration ({@link ServerConfiguration}), the server's only argument
 * redis-server.log   the server's output (stdout and stderr)
 * data/              its dir: appendonlydir/ with the append-only files (deleted after the run unless kept)
 * </pre>
 *
 * @param installation the executable and its version
 * @param baseDirectory where its files go, inside the run's work directory
 * @param port its client port on 127.0.0.1
 * @param persistence what it is configured to keep
 * @param startTimeout bound on the server answering PING
 * @param stopTimeout bound on a graceful stop (SIGTERM) before SIGKILL
 */
public record LocalServerConfig(RedisInstallation installation, Path baseDirectory, int port, Persistence persistence,
    Duration startTimeout, Duration stopTimeout) {

  public LocalServerConfig {
    baseDirectory = baseDirectory.toAbsolutePath();
  }

  public Path configFile() {
    return baseDirectory.resolve("redis.conf");
  }

  public Path logFile() {
    return baseDirectory.resolve("redis-server.log");
  }

  public Path dataDirectory() {
    return baseDirectory.resolve("data");
  }

  /** Where clients connect. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The configuration file's content: listening on 127.0.0.1 only. */
  public ServerConfiguration serverConfiguration() {
    return ServerConfiguration.of("127.0.0.1", true, port, dataDirectory().toString(), persistence);
  }
}
