package io.brokerbench.adapter.rabbitmq.provision;

import static io.brokerbench.testing.ProcessChecks.assertGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.brokerbench.adapter.rabbitmq.RabbitMqTargetProvider;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.KilledHarness;
import io.brokerbench.testing.RealEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private RabbitMQ nodes: provisioning through the target, crash and restart, and the watchdog. */
class LocalRabbitNodeIT {
  @TempDir Path dir;
  private final List<Long> leftovers = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (long pid : leftovers) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void autoWithoutDockerStartsAPrivateNodeAndCloseStopsIt() throws Exception {
    LocalRabbitNodeItSupport.assumeNoDockerAndInstalled();
    List<String> log = new ArrayList<>();
    long[] firstLineNanos = {0};
    RabbitMqTargetProvider provider = new RabbitMqTargetProvider();
    Target target = provider.create(new TargetContext("autolocal", dir, System::nanoTime, line -> {
      if (firstLineNanos[0] == 0) firstLineNanos[0] = System.nanoTime();
      log.add(line);
    }), Settings.of(provider.settings(), Map.of("provision", "auto")));
    long start = System.nanoTime();
    TargetInfo info;
    List<Long> pids;
    try {
      info = target.open();
      pids = target.processIds();
      pids.forEach(leftovers::add);
      assertEquals(TargetMode.LOCAL, info.mode());
      assertEquals("local", info.settings().get("provision.chosen"));
      assertTrue(log.get(0).startsWith("provision auto -> local: no Docker engine answers"), log.get(0));
      long chooseMillis = (firstLineNanos[0] - start) / 1_000_000;
      assertTrue(chooseMillis < 2000, "auto must decide in under 2 s without Docker, took " + chooseMillis + " ms");
      assertEquals(1, pids.size());
      ProcessHandle vm = ProcessHandle.of(pids.get(0)).orElseThrow();
      assertTrue(vm.info().commandLine().orElse("").contains("beam"), vm.info().commandLine().orElse("?"));
      assertTrue(info.version().startsWith(RabbitInstallation.find(null, System.getenv()).orElseThrow().version()),
          info.version());
      int port = Integer.parseInt(info.settings().get("local.amqp-port"));
      assertTrue(TcpProbe.acceptsOnLoopback(port, 500));
    } finally {
      target.close();
    }
    for (long pid : pids) assertGone(pid, Duration.ofSeconds(5));
    assertFalse(Files.exists(dir.resolve("rabbitmq-node/mnesia")), "data directory is deleted unless kept");
    assertTrue(Files.exists(dir.resolve("rabbitmq-node/log")), "logs are kept");
  }

  @Test
  void persistentMessagesSurviveAKillAndRestartWhileTransientOnesDoNot() throws Exception {
    RabbitInstallation installation = LocalRabbitNodeItSupport.installationOrSkip();
    LocalRabbitNode node = LocalRabbitNode.start(LocalRabbitNodeItSupport.config(installation, dir, "crash"), false, m -> { });
    try {
      leftovers.add(node.vmPid());
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(node.url());
      try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
        channel.queueDeclare("durable", true, false, false, null);
        channel.confirmSelect();
        channel.basicPublish("", "durable", new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
            "kept".getBytes(StandardCharsets.UTF_8));
        // Negative control: the same queue, a transient message; a crash must lose it.
        channel.basicPublish("", "durable", new AMQP.BasicProperties.Builder().deliveryMode(1).build(),
            "lost".getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(10_000);
      }
      long oldPid = node.vmPid();
      node.kill();
      assertFalse(node.isRunning());
      assertGone(oldPid, Duration.ofSeconds(5));

      node.restart();
      leftovers.add(node.vmPid());
      assertTrue(node.isRunning());
      try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
        GetResponse first = channel.basicGet("durable", true);
        assertNotNull(first, "the persistent message must survive the crash");
        assertEquals("kept", new String(first.getBody(), StandardCharsets.UTF_8));
        assertEquals(null, channel.basicGet("durable", true), "the transient message must not survive the crash");
      }
    } finally {
      node.close();
    }
    assertFalse(node.isRunning());
  }

  @Test
  void nodeWithItsOwnEpmdServesClientsAndCliAndStopsThatEpmd() throws Exception {
    RabbitInstallation installation = LocalRabbitNodeItSupport.installationOrSkip();
    LocalRabbitNode node = LocalRabbitNode.start(LocalRabbitNodeItSupport.config(installation, dir, "epmd"), false, m -> { },
        true);
    long epmdPid;
    try {
      leftovers.add(node.vmPid());
      epmdPid = node.epmdPid();
      assertTrue(epmdPid > 0, "a private epmd was started");
      leftovers.add(epmdPid);
      assertTrue(node.describe().get("local.epmd").startsWith("private :"), node.describe().toString());
      LocalRabbitNode.CtlResult status = node.ctl(List.of("status"), Duration.ofSeconds(60));
      assertEquals(0, status.exitCode(), status.output());
      assertTrue(status.output().contains(node.config().nodeName()), status.output());
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(node.url());
      try (Connection connection = factory.newConnection()) {
        assertTrue(connection.isOpen());
      }
    } finally {
      node.close();
    }
    assertGone(epmdPid, Duration.ofSeconds(5));
  }

  @Test
  void watchdogStopsTheNodeWhenTheHarnessIsKilled() throws Exception {
    LocalRabbitNodeItSupport.installationOrSkip();
    long vmPid = KilledHarness.startThenKill(NodeHarnessFixture.class, List.of(dir.toString()), dir.resolve("vm.pid"),
        dir.resolve("harness.log"), Duration.ofSeconds(120), leftovers);
    assertGone(vmPid, Duration.ofSeconds(20));
  }

  /** Skips unless rabbitmq-server is installed; under BROKERBENCH_REQUIRE_REAL=1 fails instead. */
  static final class LocalRabbitNodeItSupport {
    private LocalRabbitNodeItSupport() {}

    static RabbitInstallation installationOrSkip() {
      Optional<RabbitInstallation> installation = RabbitInstallation.find(null, System.getenv());
      RealEnvironment.assumeAvailable(installation.isPresent(), "no rabbitmq-server: " + RabbitInstallation.requirement());
      return installation.get();
    }

    static void assumeNoDockerAndInstalled() {
      installationOrSkip();
      org.junit.jupiter.api.Assumptions.assumeFalse(io.brokerbench.provision.DockerProbe.probe().answers(),
          "a Docker engine answers, so auto would choose testcontainers");
    }

    static LocalNodeConfig config(RabbitInstallation installation, Path dir, String suffix) {
      List<Integer> ports = io.brokerbench.provision.FreePorts.allocate(2);
      return new LocalNodeConfig(installation, dir.resolve("node"), LocalNodeConfig.nodeNameFor("it", suffix),
          ports.get(0), ports.get(1), Duration.ofSeconds(90), Duration.ofSeconds(30));
    }
  }
}
