package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides {@code queue-engine}: the built-in queue engine, embedded in the harness JVM. */
public final class QueueEngineTargetProvider implements TargetProvider {
  static final String NAME = "queue-engine";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Built-in broker in the RabbitMQ model (exchanges, queues, confirms, acks, journal), embedded in the harness JVM.";
  }

  @Override
  public List<SettingSpec> settings() {
    return QueueEngineSettings.SPECS;
  }

  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    QueueEngineSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new QueueEngineTarget(context, QueueEngineSettings.from(settings), settings);
  }
}
