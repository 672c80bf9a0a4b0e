package io.brokerbench.adapter.redis.provision;

import io.brokerbench.adapter.redis.AppendFsync;
import io.brokerbench.adapter.redis.Persistence;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.testing.KilledHarness;
import io.brokerbench.provision.LocalServer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A throwaway "harness" for {@link LocalRedisServerIT}: starts a private redis-server under the
 * directory given as first argument, writes the server's pid to {@code server.pid} there and waits
 * to be killed.
 */
public final class ServerHarnessFixture {
  private ServerHarnessFixture() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    RedisInstallation installation = RedisInstallation.find(null, System.getenv()).orElseThrow();
    LocalServer server = LocalRedisServer.start(new LocalServerConfig(installation, dir.resolve("server"),
        FreePorts.allocate(), Persistence.ofServerStartedHere(true, AppendFsync.EVERYSEC), Duration.ofSeconds(30),
        Duration.ofSeconds(5)), false, System.out::println);
    KilledHarness.publishPid(dir.resolve("server.pid"), server.pid());
    Thread.sleep(600_000);
  }
}
