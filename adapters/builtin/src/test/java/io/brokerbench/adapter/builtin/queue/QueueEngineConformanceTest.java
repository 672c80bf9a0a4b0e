package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;

/** The conformance kit for {@code queue-engine} with its defaults: transient queues and messages. */
class QueueEngineConformanceTest extends TargetConformanceKit {
  @Override
  protected TargetProvider provider() {
    return new QueueEngineTargetProvider();
  }
}
