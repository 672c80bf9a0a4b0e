package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;

/** The conformance kit for {@code queue-engine} with durable queues, persistent messages and fsync always. */
class DurableQueueEngineConformanceTest extends TargetConformanceKit {
  @Override
  protected TargetProvider provider() {
    return new QueueEngineTargetProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("queue.durable", true, "message.persistent", true, "fsync", "always");
  }
}
