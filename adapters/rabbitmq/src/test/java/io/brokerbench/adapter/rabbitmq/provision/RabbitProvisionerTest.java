package io.brokerbench.adapter.rabbitmq.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning decisions on this machine's real probes, with a fake installation and no Docker engine. */
class RabbitProvisionerTest {
  @TempDir Path dir;

  private Path fakeInstallation() throws Exception {
    Path server = dir.resolve("rabbitmq_server-9.9.9");
    Path sbin = Files.createDirectories(server.resolve("sbin"));
    for (String script : List.of("rabbitmq-server", "rabbitmqctl")) executable(sbin.resolve(script));
    executable(Files.createDirectories(dir.resolve("bin")).resolve("erl"));
    return server;
  }

  private static void executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Map<String, String> noDocker() {
    return Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"), "PATH", dir.resolve("bin").toString(),
        "HOME", dir.toString());
  }

  private ProvisionRequest request(ProvisionMode mode, String serverDir, String uri) {
    return new ProvisionRequest(mode, uri, serverDir, Duration.ofSeconds(30), Duration.ofSeconds(5), false,
        new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofSeconds(30)), dir.resolve("work"), dir);
  }

  @Test
  void autoPicksLocalWithoutDockerQuickly() throws Exception {
    Path server = fakeInstallation();
    RabbitProvisioner provisioner = new RabbitProvisioner(noDocker());
    long start = System.nanoTime();
    ProvisionDecision<RabbitInstallation, ExternalAddress> decision = provisioner.choose(request(ProvisionMode.AUTO, server.toString(), null));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ProvisionMode.LOCAL, decision.choice().mode());
    assertTrue(decision.choice().reason().contains("no Docker engine answers"), decision.choice().reason());
    assertFalse(decision.docker().answers());
    assertTrue(millis < 2000, "the choice must take well under 2 s without Docker, took " + millis + " ms");
  }

  @Test
  void autoFallsBackToAnExternalServerThatAnswers() throws Exception {
    try (ServerSocket fakeBroker = new ServerSocket()) {
      fakeBroker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      RabbitProvisioner provisioner = new RabbitProvisioner(noDocker());
      ProvisionDecision<RabbitInstallation, ExternalAddress> decision = provisioner.choose(request(ProvisionMode.AUTO,
          dir.resolve("absent").toString(), "amqp://guest:guest@127.0.0.1:" + fakeBroker.getLocalPort()));
      assertEquals(ProvisionMode.EXTERNAL, decision.choice().mode());
    }
  }

  @Test
  void autoWithNothingAvailableSaysHowToGetABroker() {
    int closedPort = FreePorts.allocate();
    RabbitProvisioner provisioner = new RabbitProvisioner(noDocker());
    ProvisionException e = assertThrows(ProvisionException.class, () -> provisioner.choose(
        request(ProvisionMode.AUTO, dir.resolve("absent").toString(), "amqp://guest:guest@127.0.0.1:" + closedPort)));
    assertTrue(e.getMessage().contains("no RabbitMQ is available"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install rabbitmq-server"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    assertTrue(e.getMessage().contains("scripts/brokers start"), e.getMessage());
  }

  @Test
  void testcontainersWithoutDockerFailsWithTheProbeResult() {
    RabbitProvisioner provisioner = new RabbitProvisioner(noDocker());
    List<String> log = new ArrayList<>();
    ProvisionException e = assertThrows(ProvisionException.class, () -> provisioner.provision(
        request(ProvisionMode.TESTCONTAINERS, null, null), "run1", log::add));
    assertTrue(e.getMessage().startsWith("provision testcontainers needs a Docker engine, but DOCKER_HOST="), e.getMessage());
    assertEquals(List.of("provision testcontainers: requested in the settings"), log);
  }

  @Test
  void externalThatDoesNotAnswerNamesTheAddressAndItsSource() {
    int closedPort = FreePorts.allocate();
    RabbitProvisioner provisioner = new RabbitProvisioner(noDocker());
    ProvisionException e = assertThrows(ProvisionException.class, () -> provisioner.provision(
        request(ProvisionMode.EXTERNAL, null, "amqp://guest:secret@127.0.0.1:" + closedPort), "run1", m -> { }));
    assertTrue(e.getMessage().contains("amqp://guest:***@127.0.0.1:" + closedPort + " (from the uri setting)"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"));
  }

  @Test
  void localWithoutAnInstallationSaysWhatIsNeeded() {
    RabbitProvisioner provisioner = new RabbitProvisioner(noDocker());
    ProvisionException e = assertThrows(ProvisionException.class, () -> provisioner.provision(
        request(ProvisionMode.LOCAL, dir.resolve("absent").toString(), null), "run1", m -> { }));
    assertTrue(e.getMessage().startsWith("provision local needs an installed rabbitmq-server"), e.getMessage());
  }
}
