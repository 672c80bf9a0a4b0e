package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.adapter.rabbitmq.provision.LocalRabbitNode;
import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit against a private node started once for the class (starting one per test
 * would dominate the run time); every test uses its own queues on it.
 */
class LocalNodeConformanceIT extends TargetConformanceKit {
  private static LocalRabbitNode node;

  @BeforeAll
  static void startNode() throws Exception {
    node = Brokers.startNode(Files.createTempDirectory("bb-rabbit-conformance").resolve("node"), "kit");
  }

  @AfterAll
  static void stopNode() {
    if (node != null) node.close();
  }

  @Override
  protected TargetProvider provider() {
    return new RabbitMqTargetProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "external", "uri", node.url());
  }
}
