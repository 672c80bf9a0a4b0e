package io.brokerbench.adapter.builtin.log;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;

/** The conformance kit against target {@code log-engine}, with small segments so they roll. */
class LogEngineConformanceTest extends TargetConformanceKit {
  @Override
  protected TargetProvider provider() {
    return new LogEngineProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("segment.size", "256KiB", "min-free-disk", "16MiB");
  }
}
