package io.brokerbench.adapter.redis;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The conformance kit with local provisioning and the default settings (append-only file fsynced
 * every second, plain XADD): every test starts its own private redis-server (tens of milliseconds)
 * and stops it. Topic and headers routing are skipped as unsupported, with the reason.
 */
class LocalServerConformanceIT extends TargetConformanceKit {

  @BeforeEach
  void requireServer() {
    Servers.installationOrSkip();
  }

  @Override
  protected TargetProvider provider() {
    return new RedisTargetProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "local");
  }
}
