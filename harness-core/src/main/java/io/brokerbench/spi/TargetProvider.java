package io.brokerbench.spi;

import java.util.List;

/**
 * Entry point of a target adapter, found with {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must have a public no-argument constructor, be cheap to construct (the CLI
 * instantiates every provider to list them) and must not start anything before {@link #create}.
 */
public interface TargetProvider {

  /** The name scenarios use, e.g. {@code queue-engine}; lower case, digits and dashes. */
  String name();

  /** One sentence for {@code bench list}. */
  String description();

  /** Every setting this target accepts; anything else in a scenario is a validation error. */
  List<SettingSpec> settings();

  /**
   * Checks settings that are valid one by one against each other, as {@link #create} will read
   * them, so that a contradiction fails when the scenario is loaded (exit 2, at the setting's line)
   * rather than when its runs start. Pure: reads the settings, starts nothing. The default accepts
   * every combination.
   *
   * @param settings validated against {@link #settings()}, with defaults filled in
   * @throws SettingsException naming the setting at fault and what it contradicts
   */
  default void checkSettings(Settings settings) {}

  /**
   * Creates a target for one run. Nothing is started yet: provisioning happens in
   * {@link Target#open()}.
   *
   * @param context where the run writes and how it reports progress
   * @param settings validated against {@link #settings()}, with defaults filled in
   */
  Target create(TargetContext context, Settings settings);
}
