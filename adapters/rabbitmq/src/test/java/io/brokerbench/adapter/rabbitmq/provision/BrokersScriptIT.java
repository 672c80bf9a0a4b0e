package io.brokerbench.adapter.rabbitmq.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.testing.ProcessChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/brokers} for RabbitMQ: start, status, the harness finding the node, stop. */
class BrokersScriptIT {
  private static final Path SCRIPT = Path.of("").toAbsolutePath().resolve("../../scripts/brokers").normalize();
  @TempDir Path state;

  private record Run(int exitCode, String output) {}

  private Run brokers(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("BROKERBENCH_BROKERS_DIR", state.toString());
    // Not the default node name, so a node the user keeps running is never touched.
    builder.environment().put("BROKERBENCH_RABBITMQ_NODE", "bb-brokers-it-" + ProcessHandle.current().pid() + "@localhost");
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scripts/brokers " + String.join(" ", args) + " did not finish");
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stopWhateverRuns() throws Exception {
    brokers("stop", "rabbitmq");
  }

  @Test
  void startLeavesAUriTheHarnessUsesAndStopEndsTheNode() throws Exception {
    LocalRabbitNodeIT.LocalRabbitNodeItSupport.installationOrSkip();
    Run start = brokers("start", "rabbitmq");
    assertEquals(0, start.exitCode(), start.output());
    Path uriFile = state.resolve("rabbitmq/uri");
    String uri = Files.readString(uriFile).strip();
    long pid = Long.parseLong(Files.readString(state.resolve("rabbitmq/rabbitmq.pid")).strip());
    Run again = brokers("start", "rabbitmq");
    assertTrue(again.output().contains("already running (pid " + pid + ")"), again.output());
    assertTrue(brokers("status").output().contains("rabbitmq: running (pid " + pid), "status while running");

    Map<String, String> env = new HashMap<>(Map.of("BROKERBENCH_BROKERS_DIR", state.toString(),
        "DOCKER_HOST", "unix://" + state.resolve("no-docker.sock")));
    RabbitProvisioner provisioner = new RabbitProvisioner(env);
    ProvisionRequest request = new ProvisionRequest(ProvisionMode.EXTERNAL, null, null, Duration.ofSeconds(30),
        Duration.ofSeconds(10), false, new ContainerConfig(ContainerConfig.DEFAULT_IMAGE, Duration.ofSeconds(30)),
        state.resolve("work"), state);
    ProvisionedBroker broker = provisioner.provision(request, "script", m -> { });
    assertEquals(uri, broker.url());
    assertEquals(uriFile.toString(), broker.describe().get("external.uri-source"));
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(broker.url());
    try (Connection connection = factory.newConnection()) {
      assertTrue(connection.isOpen());
    }

    Run stop = brokers("stop", "rabbitmq");
    assertEquals(0, stop.exitCode(), stop.output());
    ProcessChecks.assertGone(pid, Duration.ofSeconds(5));
    assertFalse(Files.exists(uriFile), "stop removes the uri, so the harness no longer points at a dead node");
    ExternalAddress address = new ExternalAddress(uri, "the uri file");
    assertFalse(TcpProbe.accepts(address.host(), address.port(), 300), "nothing listens on " + address.redacted());
    assertTrue(brokers("status").output().contains("rabbitmq: stopped"));
  }

  @Test
  void unknownBrokerOrCommandIsRefused() throws Exception {
    Run unknown = brokers("start", "nosuchbroker");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.output().contains("unknown broker 'nosuchbroker'"), unknown.output());
    Run badCommand = brokers("restart");
    assertEquals(1, badCommand.exitCode());
    assertTrue(badCommand.output().contains("unknown command 'restart'"), badCommand.output());
  }
}
