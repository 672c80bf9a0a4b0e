package io.brokerbench.adapter.nats.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.nats.ServerVersion;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.testing.StandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice of a provisioning mode and the installation it relies on, with stand-in executables and no Docker. */
class NatsProvisionerTest {
  @TempDir Path dir;

  private Path script(String name, String body) throws IOException {
    return StandIns.script(dir, name, body);
  }

  private Map<String, String> noDocker(String... extra) {
    return StandIns.noDocker(dir, extra);
  }

  private ProvisionRequest request(ProvisionMode mode, String binary) {
    return new ProvisionRequest(mode, null, binary, null, Duration.ofSeconds(5), Duration.ofSeconds(5), false,
        new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofSeconds(5), null), dir);
  }

  @Test
  void anInstallationIsAnExecutableThatTellsItsVersion() throws Exception {
    Path good = script("nats-server", "echo 'nats-server: v2.9.10'");
    assertEquals(Optional.of(new NatsInstallation(good, ServerVersion.parse("2.9.10"))),
        NatsInstallation.find(good.toString(), Map.of()));
    Path mute = script("mute", "echo hello");
    assertEquals(Optional.empty(), NatsInstallation.find(mute.toString(), Map.of()));
    assertEquals(Optional.empty(), NatsInstallation.find(dir.resolve("missing").toString(), Map.of()));
  }

  @Test
  void theExecutableIsFoundOnThePath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path server = bin.resolve("nats-server");
    Files.writeString(server, "#!/bin/sh\necho 'nats-server: v2.11.1'\n");
    Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
    assertEquals(server, NatsInstallation.findBinary(null, Map.of("PATH", "/nonexistent:" + bin)).orElseThrow());
  }

  @Test
  void autoWithoutDockerChoosesALocalServerWhenOneIsInstalled() throws Exception {
    Path server = script("nats-server", "echo 'nats-server: v2.9.10'");
    ProvisionDecision<NatsInstallation, ExternalAddress> d = new NatsProvisioner(noDocker()).choose(request(ProvisionMode.AUTO, server.toString()));
    assertEquals(ProvisionMode.LOCAL, d.choice().mode());
    assertEquals("provision auto -> local: no Docker engine answers; nats-server can be started here", d.choice().reason());
    assertFalse(d.externalAnswers(), "the external address is not probed when a local server is possible");
  }

  @Test
  void autoWithNothingAvailableSaysWhatWasCheckedAndHowToGetAServer() {
    int closed = FreePorts.allocate();
    Map<String, String> env = noDocker(ExternalAddress.ENV, "nats://127.0.0.1:" + closed);
    ProvisionException e = assertThrows(ProvisionException.class,
        () -> new NatsProvisioner(env).choose(request(ProvisionMode.AUTO, dir.resolve("missing").toString())));
    assertTrue(e.getMessage().startsWith("no nats-server is available (provision auto): no Docker engine answers"),
        e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install nats-server"), e.getMessage());
    assertTrue(e.getMessage().contains("no server answers at nats://127.0.0.1:" + closed), e.getMessage());
  }

  @Test
  void localWithoutAnInstallationFailsNamingTheSetting() throws Exception {
    ProvisionRequest request = request(ProvisionMode.LOCAL, dir.resolve("missing").toString());
    NatsProvisioner provisioner = new NatsProvisioner(noDocker());
    ProvisionDecision<NatsInstallation, ExternalAddress> d = provisioner.choose(request);
    ProvisionException e = assertThrows(ProvisionException.class, () -> provisioner.provision(d, request, "r", l -> { }));
    assertTrue(e.getMessage().startsWith("provision local needs an installed nats-server"), e.getMessage());
    assertTrue(e.getMessage().contains("local.binary is " + dir.resolve("missing")), e.getMessage());
  }

  @Test
  void aSyncIntervalIsRefusedBeforeStartingAServerOlderThan210() throws Exception {
    Path server = script("nats-server", "echo 'nats-server: v2.9.10'");
    LocalServerConfig config = new LocalServerConfig(new NatsInstallation(server, ServerVersion.parse("2.9.10")),
        dir.resolve("srv"), "n", FreePorts.allocate(), io.brokerbench.adapter.nats.SyncPolicy.parse("always"),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
    ProvisionException e = assertThrows(ProvisionException.class, () -> LocalNatsServer.start(config, false, l -> { }));
    assertTrue(e.getMessage().startsWith("setting fsync needs nats-server 2.10.0 or later"), e.getMessage());
    assertFalse(Files.exists(config.configFile()), "nothing was written or started");
  }
}
