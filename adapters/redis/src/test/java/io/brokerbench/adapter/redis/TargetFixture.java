package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.provision.LocalRedisServer;
import io.brokerbench.adapter.redis.provision.LocalServerConfig;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.testing.TargetRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The Redis pieces of a test against a real redis-server; the run itself is a {@link TargetRun}. */
final class TargetFixture {
  private TargetFixture() {}

  /** A private server under {@code dir}, on a free port; skipped when redis-server is not installed. */
  static LocalServer startServer(Path dir, Persistence persistence) throws Exception {
    LocalServerConfig config = new LocalServerConfig(Servers.installationOrSkip(), dir, FreePorts.allocate(), persistence,
        Duration.ofSeconds(30), Duration.ofSeconds(10));
    return LocalRedisServer.start(config, false, line -> { });
  }

  /** A Redis target of {@code run} with {@code settings}. */
  static RedisTarget create(TargetRun run, Map<String, Object> settings) {
    return (RedisTarget) run.create(new RedisTargetProvider(), settings);
  }

  /** Settings for the server at {@code url} plus {@code extra} name/value pairs. */
  static Map<String, Object> external(String url, Object... extra) {
    return TargetRun.external("url", url, extra);
  }
}
