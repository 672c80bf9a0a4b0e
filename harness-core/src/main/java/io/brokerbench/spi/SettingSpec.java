package io.brokerbench.spi;

import java.util.List;
import java.util.function.Function;

/**
 * One setting a target accepts.
 *
 * <p>Nested scenario maps are addressed with dotted names: a spec named {@code stall.every} is set
 * by {@code settings: {stall: {every: 1s}}} or {@code settings: {stall.every: 1s}}.
 *
 * @param name the key in a scenario's {@code settings} map
 * @param type how the value is parsed
 * @param defaultValue the value when the scenario gives none, as text; {@code null} when the
 *     setting is optional with no default
 * @param description what it means, with its unit
 * @param choices the allowed values for {@link SettingType#CHOICE}, empty otherwise
 * @param check a further rule on the value's text, returning what was expected when the value
 *     breaks it and {@code null} when it is fine; {@code null} for none. Runs when a scenario is
 *     validated, so a bad value stops the scenario before anything starts.
 */
public record SettingSpec(String name, SettingType type, String defaultValue, String description, List<String> choices,
    Function<String, String> check) {
  public SettingSpec {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("setting name must not be blank");
    if (type == null) throw new IllegalArgumentException("setting " + name + ": type must be set");
    choices = List.copyOf(choices);
    if (type == SettingType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("setting " + name + ": a CHOICE needs choices");
    }
  }

  public static SettingSpec of(String name, SettingType type, String defaultValue, String description) {
    return new SettingSpec(name, type, defaultValue, description, List.of(), null);
  }

  public static SettingSpec choice(String name, String defaultValue, String description, String... choices) {
    return new SettingSpec(name, SettingType.CHOICE, defaultValue, description, List.of(choices), null);
  }

  /** A setting of {@code type} whose values must also pass {@code check} (see {@link #check()}). */
  public static SettingSpec checked(String name, SettingType type, String defaultValue, String description,
      Function<String, String> check) {
    return new SettingSpec(name, type, defaultValue, description, List.of(), check);
  }
}
