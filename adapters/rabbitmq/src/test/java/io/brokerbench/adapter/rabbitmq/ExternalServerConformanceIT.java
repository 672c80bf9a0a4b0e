package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit against the server on 127.0.0.1:5672 (guest/guest). */
class ExternalServerConformanceIT extends TargetConformanceKit {

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
    return Map.of("provision", "external", "uri", Brokers.EXTERNAL_URI);
  }
}
