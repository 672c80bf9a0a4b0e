package io.brokerbench.synthetic;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;

/** The synthetic target with small delays and no faults passes the kit. */
class SyntheticConformanceTest extends TargetConformanceKit {
  @Override
  protected TargetProvider provider() {
    return new SyntheticProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("confirm.delay", "uniform(0ms,1ms)", "delivery.delay", "1ms");
  }
}
