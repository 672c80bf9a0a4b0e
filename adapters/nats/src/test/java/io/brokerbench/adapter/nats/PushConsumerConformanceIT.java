package io.brokerbench.adapter.nats;

import java.util.Map;

/** The conformance kit with push consumers (and memory storage), on a private server per test. */
class PushConsumerConformanceIT extends LocalServerConformanceIT {

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "local", "consumer.mode", "push", "stream.storage", "memory");
  }
}
