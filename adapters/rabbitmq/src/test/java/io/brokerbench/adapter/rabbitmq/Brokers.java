package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.adapter.rabbitmq.provision.LocalNodeConfig;
import io.brokerbench.adapter.rabbitmq.provision.LocalRabbitNode;
import io.brokerbench.adapter.rabbitmq.provision.RabbitInstallation;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.TcpProbe;
import io.brokerbench.testing.RealEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Real brokers for *IT tests: a private node started here, or the server on 127.0.0.1:5672. */
final class Brokers {
  static final String EXTERNAL_URI = "amqp://guest:guest@127.0.0.1:5672";

  private Brokers() {}

  /** The installed server, or the test is skipped (failed under BROKERBENCH_REQUIRE_REAL=1). */
  static RabbitInstallation installationOrSkip() {
    Optional<RabbitInstallation> installation = RabbitInstallation.find(null, System.getenv());
    RealEnvironment.assumeAvailable(installation.isPresent(), "no rabbitmq-server installation: "
        + RabbitInstallation.requirement());
    return installation.get();
  }

  /** A node configuration under {@code dir} on free ports. */
  static LocalNodeConfig nodeConfig(RabbitInstallation installation, Path dir, String suffix) {
    List<Integer> ports = FreePorts.allocate(2);
    return new LocalNodeConfig(installation, dir, LocalNodeConfig.nodeNameFor("it", suffix), ports.get(0), ports.get(1),
        Duration.ofSeconds(90), Duration.ofSeconds(30));
  }

  /** Starts a private node under {@code dir}, or skips when no server is installed. */
  static LocalRabbitNode startNode(Path dir, String suffix) throws Exception {
    return LocalRabbitNode.start(nodeConfig(installationOrSkip(), dir, suffix), false, line -> { });
  }

  /** Skips (or fails under BROKERBENCH_REQUIRE_REAL=1) when nothing answers on 127.0.0.1:5672. */
  static void assumeExternal() {
    RealEnvironment.assumeAvailable(TcpProbe.acceptsOnLoopback(5672, 500),
        "no RabbitMQ answers on 127.0.0.1:5672 (start one with rabbitmq-server -detached)");
  }
}
