package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.adapter.rabbitmq.provision.LocalRabbitNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RabbitMqTargetContract} against a private node this class starts and stops. */
class LocalNodeTargetIT extends RabbitMqTargetContract {
  private static LocalRabbitNode node;
  private static Path directory;

  @BeforeAll
  static void startNode() throws Exception {
    directory = Files.createTempDirectory("bb-rabbit-it");
    node = Brokers.startNode(directory.resolve("node"), "contract");
  }

  @AfterAll
  static void stopNode() {
    if (node != null) node.close();
  }

  @Override
  String amqpUri() {
    return node.url();
  }
}
