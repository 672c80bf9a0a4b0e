package io.brokerbench.loopback;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provides {@code loopback}. */
public final class LoopbackProvider implements TargetProvider {
  static final String CAPACITY = "capacity";
  /** The largest power of two an int array can hold: {@link BoundedMpscQueue} rounds capacities up to one. */
  static final int MAX_CAPACITY = 1 << 30;

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
    return List.of(SettingSpec.integer(CAPACITY, "65536", 2, MAX_CAPACITY,
        "messages each consumer's queue holds before send blocks (back-pressure), rounded up to a power of two"));
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new LoopbackTarget(settings, settings.getInt(CAPACITY));
  }
}
