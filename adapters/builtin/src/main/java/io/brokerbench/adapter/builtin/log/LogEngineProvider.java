package io.brokerbench.adapter.builtin.log;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Target {@code log-engine}: the built-in log engine (Kafka model), embedded in the harness JVM. */
public final class LogEngineProvider implements TargetProvider {

  @Override
  public String name() {
    return "log-engine";
  }

  @Override
  public String description() {
    return "The built-in log engine (Kafka model: partitioned segmented logs, consumer groups), embedded";
  }

  @Override
  public List<SettingSpec> settings() {
    return LogEngineSettings.SPECS;
  }

  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    LogEngineSettings.parse(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new LogEngineTarget(context, settings, LogEngineSettings.parse(settings));
  }
}
