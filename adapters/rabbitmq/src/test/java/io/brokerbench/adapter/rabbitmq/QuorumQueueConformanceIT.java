package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit with quorum queues, on the server on 127.0.0.1:5672. */
class QuorumQueueConformanceIT extends TargetConformanceKit {

  @BeforeAll
  static void requireServer() {
    Brokers.assumeExternal();
  }

  @Override
  protected TargetProvider provider() {
    return new RabbitMqTargetProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "external", "uri", Brokers.EXTERNAL_URI, "queue.type", "quorum");
  }
}
