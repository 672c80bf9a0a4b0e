package io.brokerbench.adapter.redis.provision;

import static io.brokerbench.testing.ProcessChecks.assertGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.redis.AppendFsync;
import io.brokerbench.adapter.redis.Persistence;
import io.brokerbench.adapter.redis.RedisTargetProvider;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.KilledHarness;
import io.brokerbench.testing.RealEnvironment;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Private redis-servers: provisioning through the target, the persistence each setting gives the
 * server and the guarantee the target records for it, crash and restart, the watchdog.
 */
class LocalRedisServerIT {
  @TempDir Path dir;
  private final List<Long> leftovers = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (long pid : leftovers) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  static RedisInstallation installationOrSkip() {
    Optional<RedisInstallation> installation = RedisInstallation.find(null, System.getenv());
    RealEnvironment.assumeAvailable(installation.isPresent(), "no redis-server: " + RedisInstallation.requirement());
    return installation.get();
  }

  private Target target(Map<String, Object> settings, List<String> log) {
    RedisTargetProvider provider = new RedisTargetProvider();
    return provider.create(new TargetContext("it", dir, System::nanoTime, log::add),
        Settings.of(provider.settings(), settings));
  }

  @Test
  void autoWithoutDockerStartsAPrivateServerAndCloseStopsIt() throws Exception {
    RedisInstallation installation = installationOrSkip();
    Assumptions.assumeFalse(DockerProbe.probe().answers(), "a Docker engine answers, so auto would choose testcontainers");
    boolean systemServiceAnswered = TcpProbe.acceptsOnLoopback(6379, 300);
    List<String> log = new ArrayList<>();
    Target target = target(Map.of("provision", "auto"), log);
    List<Long> pids;
    Path data = dir.resolve("redis-server/data");
    try {
      TargetInfo info = target.open();
      pids = target.processIds();
      pids.forEach(leftovers::add);
      assertEquals(TargetMode.LOCAL, info.mode());
      assertEquals("local", info.settings().get("provision.chosen"));
      assertEquals("provision auto -> local: no Docker engine answers; redis-server can be started here", log.get(0));
      assertEquals(installation.version(), info.version());
      int port = Integer.parseInt(info.settings().get("local.port"));
      assertNotEquals(6379, port, "never the system service's port");
      assertEquals(1, pids.size());
      String title = ProcessTitle.of(pids.get(0));
      assertTrue(title.endsWith(ProcessTitle.ofLocalServer(port)), title);
      assertTrue(Files.isDirectory(data.resolve("appendonlydir")), "the append-only file is in the run's directory");
    } finally {
      target.close();
    }
    for (long pid : pids) assertGone(pid, Duration.ofSeconds(5));
    assertFalse(Files.exists(data), "the data is deleted unless kept");
    assertTrue(Files.size(dir.resolve("redis-server/redis-server.log")) > 0, "the log is kept");
    assertEquals(systemServiceAnswered, TcpProbe.acceptsOnLoopback(6379, 300), "the system service is left alone");
  }

  /** Each appendonly/appendfsync setting reaches the server (CONFIG GET) and changes the recorded guarantee. */
  @ParameterizedTest(name = "appendonly {0}, appendfsync {1}")
  @CsvSource({"true, always, FSYNC", "true, everysec, PAGE_CACHE", "true, no, PAGE_CACHE", "false, always, RECEIVED"})
  void theAppendOnlySettingsConfigureTheServerAndDecideTheGuarantee(boolean appendOnly, String appendFsync,
      ConfirmPoint confirmed) throws Exception {
    installationOrSkip();
    Target target = target(Map.of("provision", "local", "appendonly", appendOnly, "appendfsync", appendFsync),
        new ArrayList<>());
    try {
      TargetInfo info = target.open();
      target.processIds().forEach(leftovers::add);
      String expected = Persistence.ofServerStartedHere(appendOnly, AppendFsync.valueOf(appendFsync.toUpperCase()))
          .describe();
      assertEquals(expected, info.settings().get("server.persistence"), "what CONFIG GET reads back");
      Guarantee g = info.guarantee();
      assertEquals(confirmed, g.confirmedWhen(), g.toString());
      assertTrue(g.basis().startsWith(expected), g.basis());
      assertEquals(!appendOnly, info.settings().get("appendfsync").startsWith("n/a"), info.settings().toString());
    } finally {
      target.close();
    }
  }

  @Test
  void theAppendOnlyFileKeepsConfirmedEntriesThroughAKillWhileMemoryOnlyLosesThem() throws Exception {
    RedisInstallation installation = installationOrSkip();
    for (boolean appendOnly : new boolean[] {true, false}) {
      LocalServer server = LocalRedisServer.start(new LocalServerConfig(installation, dir.resolve("crash-" + appendOnly),
          FreePorts.allocate(), Persistence.ofServerStartedHere(appendOnly, AppendFsync.NO), Duration.ofSeconds(30),
          Duration.ofSeconds(10)), false, line -> { });
      RedisClient client = RedisClient.create(server.url());
      try {
        leftovers.add(server.pid());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
          for (int i = 0; i < 100; i++) c.sync().xadd("s", "p", "m" + i);
        }
        long oldPid = server.pid();
        server.kill();
        assertGone(oldPid, Duration.ofSeconds(5));
        server.restart();
        leftovers.add(server.pid());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
          RedisCommands<String, String> redis = c.sync();
          assertEquals(appendOnly ? 100L : 0L, redis.xlen("s"), "appendonly " + appendOnly + ": entries after a kill");
        }
      } finally {
        client.shutdown();
        server.close();
      }
      assertFalse(server.isRunning());
    }
  }

  @Test
  void watchdogStopsTheServerWhenTheHarnessIsKilled() throws Exception {
    installationOrSkip();
    long serverPid = KilledHarness.startThenKill(ServerHarnessFixture.class, List.of(dir.toString()), dir.resolve("server.pid"),
        dir.resolve("harness.log"), Duration.ofSeconds(60), leftovers);
    assertGone(serverPid, Duration.ofSeconds(15));
  }
}
