package io.brokerbench.loopback;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides {@code loopback}. */
public final class LoopbackProvider implements TargetProvider {
  @Override
  public String name() {
    return "loopback";
  }

  @Override
  public String description() {
    return "In-memory hand-off with no broker: the harness's own ceiling.";
  }

  @Override
  public List<SettingSpec> settings() {
    return LoopbackSettings.SPECS;
  }

  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    LoopbackSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new LoopbackTarget(settings, LoopbackSettings.from(settings).capacity());
  }
}
