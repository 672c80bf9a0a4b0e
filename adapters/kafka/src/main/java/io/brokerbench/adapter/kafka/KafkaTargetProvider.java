package io.brokerbench.adapter.kafka;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides target {@code kafka}; found with {@link java.util.ServiceLoader}. */
public final class KafkaTargetProvider implements TargetProvider {
  /** The name scenarios use. */
  public static final String NAME = "kafka";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "A real Kafka over kafka-clients: testcontainers, a local KRaft broker from the kafka_2.13 artifact, or external.";
  }

  @Override
  public List<SettingSpec> settings() {
    return KafkaTargetSettings.specs();
  }

  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    KafkaTargetSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new KafkaTarget(context, settings);
  }
}
