package io.brokerbench.loopback;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides {@code loopback}. */
public final class LoopbackProvider implements TargetProvider {
  static final String CAPACITY = "capacity";

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
    return List.of(SettingSpec.of(CAPACITY, SettingType.INTEGER, "65536",
        "messages each consumer's queue holds before send blocks (back-pressure), 2 to 2^30"));
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    long capacity = settings.getLong(CAPACITY);
    if (capacity < 2 || capacity > (1 << 30)) {
      throw new IllegalArgumentException("loopback capacity must be between 2 and 2^30, was " + capacity);
    }
    return new LoopbackTarget(settings, (int) capacity);
  }
}
