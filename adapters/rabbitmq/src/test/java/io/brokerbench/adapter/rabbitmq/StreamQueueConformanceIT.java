package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit with stream queues (redelivery and requeue are declared unsupported and skipped), on the server on 127.0.0.1:5672. */
class StreamQueueConformanceIT extends TargetConformanceKit {

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
    return Map.of("provision", "external", "uri", Brokers.EXTERNAL_URI, "queue.type", "stream");
  }
}
