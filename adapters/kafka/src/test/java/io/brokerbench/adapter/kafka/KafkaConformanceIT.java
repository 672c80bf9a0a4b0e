package io.brokerbench.adapter.kafka;

import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.conformance.TargetConformanceKit;
import io.brokerbench.spi.TargetProvider;
import java.util.Map;

/** The conformance kit against the shared local broker (provision external). */
class KafkaConformanceIT extends TargetConformanceKit {

  @Override
  protected TargetProvider provider() {
    return new KafkaTargetProvider();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "external", "bootstrap-servers", SharedLocalKafka.bootstrapServers());
  }
}
