package io.brokerbench.loopback;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;

class LoopbackConformanceTest extends TargetConformanceKit {
  @Override
  protected TargetProvider provider() {
    return new LoopbackProvider();
  }
}
