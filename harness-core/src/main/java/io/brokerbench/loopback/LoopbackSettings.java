package io.brokerbench.loopback;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import java.util.List;

/**
 * The settings of target {@code loopback}, parsed.
 *
 * @param capacity messages each consumer's queue holds before a send blocks, 2 to {@link
 *     #MAX_CAPACITY}; {@link BoundedMpscQueue} rounds it up to a power of two
 */
record LoopbackSettings(int capacity) {
  static final String CAPACITY = "capacity";
  /** The largest power of two an int array can hold: {@link BoundedMpscQueue} rounds capacities up to one. */
  static final int MAX_CAPACITY = 1 << 30;

  static final List<SettingSpec> SPECS = List.of(SettingSpec.integer(CAPACITY, "65536", 2, MAX_CAPACITY,
      "messages each consumer's queue holds before send blocks (back-pressure), rounded up to a power of two"));

  /** Reads settings validated against {@link #SPECS}, which bound every value. */
  static LoopbackSettings from(Settings settings) {
    return new LoopbackSettings(settings.getInt(CAPACITY));
  }
}
