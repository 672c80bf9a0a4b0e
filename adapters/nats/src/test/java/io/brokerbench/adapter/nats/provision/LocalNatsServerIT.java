package io.brokerbench.adapter.nats.provision;

import static io.brokerbench.testing.ProcessChecks.assertGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.nats.NatsTargetProvider;
import io.brokerbench.adapter.nats.ServerVersion;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.KilledHarness;
import io.brokerbench.testing.RealEnvironment;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private nats-servers: provisioning through the target, crash and restart, the watchdog, the sync check. */
class LocalNatsServerIT {
  @TempDir Path dir;
  private final List<Long> leftovers = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (long pid : leftovers) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  static NatsInstallation installationOrSkip() {
    Optional<NatsInstallation> installation = NatsInstallation.find(null, System.getenv());
    RealEnvironment.assumeAvailable(installation.isPresent(), "no nats-server: " + NatsInstallation.requirement());
    return installation.get();
  }

  private LocalServerConfig config(NatsInstallation installation, String name) {
    return new LocalServerConfig(installation, dir.resolve(name), "bb-it-" + name, FreePorts.allocate(), null,
        Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  private Target target(Map<String, Object> settings, List<String> log) {
    NatsTargetProvider provider = new NatsTargetProvider();
    return provider.create(new TargetContext("it", dir, System::nanoTime, log::add),
        Settings.of(provider.settings(), settings));
  }

  @Test
  void autoWithoutDockerStartsAPrivateServerAndCloseStopsIt() throws Exception {
    NatsInstallation installation = installationOrSkip();
    Assumptions.assumeFalse(DockerProbe.probe().answers(), "a Docker engine answers, so auto would choose testcontainers");
    boolean systemServiceAnswered = TcpProbe.acceptsOnLoopback(4222, 300);
    List<String> log = new ArrayList<>();
    Target target = target(Map.of("provision", "auto"), log);
    List<Long> pids;
    Path store = dir.resolve("nats-server/store");
    try {
      TargetInfo info = target.open();
      pids = target.processIds();
      pids.forEach(leftovers::add);
      assertEquals(TargetMode.LOCAL, info.mode());
      assertEquals("local", info.settings().get("provision.chosen"));
      assertEquals("provision auto -> local: no Docker engine answers; nats-server can be started here", log.get(0));
      assertEquals(installation.version().text(), info.version());
      int port = Integer.parseInt(info.settings().get("local.port"));
      assertNotEquals(4222, port, "never the system service's port");
      assertEquals(1, pids.size());
      String command = ProcessHandle.of(pids.get(0)).orElseThrow().info().commandLine().orElse("");
      assertTrue(command.contains("nats-server") && command.contains(dir.resolve("nats-server/nats-server.conf").toString()),
          command);
      assertTrue(Files.isDirectory(store.resolve("jetstream")), "JetStream stores in the run's directory");
    } finally {
      target.close();
    }
    for (long pid : pids) assertGone(pid, Duration.ofSeconds(5));
    assertFalse(Files.exists(store), "the store is deleted unless kept");
    assertTrue(Files.size(dir.resolve("nats-server/nats-server.log")) > 0, "the log is kept");
    assertEquals(systemServiceAnswered, TcpProbe.acceptsOnLoopback(4222, 300), "the system service is left alone");
  }

  @Test
  void fileStorageKeepsAckedMessagesThroughAKillWhileMemoryStorageLosesThem() throws Exception {
    LocalServer server = LocalNatsServer.start(config(installationOrSkip(), "crash"), false, line -> { });
    try {
      leftovers.add(server.pid());
      try (Connection nc = Nats.connect(server.url())) {
        JetStreamManagement jsm = nc.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name("file").subjects("file.>").storageType(StorageType.File).build());
        jsm.addStream(StreamConfiguration.builder().name("memory").subjects("memory.>").storageType(StorageType.Memory)
            .build());
        for (int i = 0; i < 100; i++) {
          nc.jetStream().publish("file.x", ("f" + i).getBytes(StandardCharsets.UTF_8));
          nc.jetStream().publish("memory.x", ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
      }
      long oldPid = server.pid();
      server.kill();
      assertGone(oldPid, Duration.ofSeconds(5));
      server.restart();
      leftovers.add(server.pid());
      try (Connection nc = Nats.connect(server.url())) {
        JetStreamManagement jsm = nc.jetStreamManagement();
        assertEquals(100, jsm.getStreamInfo("file").getStreamState().getMsgCount(), "acked file messages survive a kill");
        assertEquals("f99", new String(jsm.getLastMessage("file", "file.x").getData(), StandardCharsets.UTF_8));
        assertThrows(JetStreamApiException.class, () -> jsm.getStreamInfo("memory"), "a memory stream is gone");
      }
    } finally {
      server.close();
    }
    assertFalse(server.isRunning());
  }

  @Test
  void theGeneratedConfigurationPassesTheServersOwnCheck() throws Exception {
    NatsInstallation installation = installationOrSkip();
    LocalServerConfig config = config(installation, "check");
    Files.createDirectories(config.baseDirectory());
    Files.writeString(config.configFile(), config.serverConfiguration().text());
    Process check = new ProcessBuilder(installation.binary().toString(), "-c", config.configFile().toString(), "-t")
        .redirectErrorStream(true).start();
    assertTrue(check.waitFor(10, TimeUnit.SECONDS));
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, check.exitValue(), out);
  }

  @Test
  void aSyncIntervalIsRefusedAtOpenByAServerOlderThan210() throws Exception {
    NatsInstallation installation = installationOrSkip();
    Assumptions.assumeFalse(installation.version().atLeast(ServerVersion.SYNC_INTERVAL_SINCE),
        "the installed nats-server " + installation.version() + " has jetstream.sync_interval");
    Target target = target(Map.of("provision", "local", "fsync", "always"), new ArrayList<>());
    try {
      ProvisionException e = assertThrows(ProvisionException.class, target::open);
      assertTrue(e.getMessage().startsWith("setting fsync needs nats-server 2.10.0 or later (jetstream.sync_interval);"
          + " this server is " + installation.version()), e.getMessage());
      assertEquals(List.of(), target.processIds(), "nothing was started");
    } finally {
      target.close();
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
