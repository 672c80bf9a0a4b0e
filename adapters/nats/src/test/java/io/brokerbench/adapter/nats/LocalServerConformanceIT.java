package io.brokerbench.adapter.nats;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The conformance kit with local provisioning and the default settings (pull consumers, file
 * storage): every test starts its own private nats-server (well under a second) and stops it.
 */
class LocalServerConformanceIT extends TargetConformanceKit {

  @BeforeEach
  void requireServer() {
    Servers.installationOrSkip();
  }

  @Override
  protected TargetProvider provider() {
    return new NatsTargetProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "local");
  }
}
