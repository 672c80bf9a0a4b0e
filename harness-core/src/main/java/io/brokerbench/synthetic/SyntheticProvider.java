package io.brokerbench.synthetic;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides {@code synthetic}: scripted delays, stalls and faults for known-answer tests. */
public final class SyntheticProvider implements TargetProvider {
  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public String description() {
    return "Scripted confirm/delivery delays, stalls and faults, to check the measurements against known answers.";
  }

  @Override
  public List<SettingSpec> settings() {
    return SyntheticSettings.SPECS;
  }

  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    SyntheticSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new SyntheticTarget(SyntheticSettings.from(settings).script(), settings.asMap(), context.nanoClock(),
        new RealTimeScheduler(context.nanoClock()));
  }
}
