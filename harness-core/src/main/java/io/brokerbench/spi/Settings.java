package io.brokerbench.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's settings for one run: validated against its {@link SettingSpec}s, defaults filled in.
 * Immutable and thread-safe.
 */
public final class Settings {
  private final Map<String, SettingSpec> specs;
  private final Map<String, String> values;

  private Settings(Map<String, SettingSpec> specs, Map<String, String> values) {
    this.specs = specs;
    this.values = values;
  }

  /**
   * Validates {@code raw} (as parsed from YAML: nested maps allowed, scalars of any type) against
   * {@code specs}, the settings of target {@code target}.
   *
   * @throws SettingsException for a name or value that was renamed (naming the new spelling, see
   *     {@link SettingRenames#problem}), an unknown name (listing the known ones) or a value the
   *     setting does not accept (see {@link SettingSpec#problem})
   */
  public static Settings of(String target, List<SettingSpec> specs, Map<String, ?> raw) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", raw, flat);
    for (Map.Entry<String, String> e : flat.entrySet()) {
      String renamed = SettingRenames.problem(target, e.getKey(), e.getValue());
      if (renamed != null) throw new SettingsException(e.getKey(), renamed);
    }
    return of(specs, raw);
  }

  /**
   * Validates {@code raw} (as parsed from YAML: nested maps allowed, scalars of any type) against
   * {@code specs}, without looking up renamed spellings (see {@link #of(String, List, Map)}).
   *
   * @throws SettingsException for an unknown name (listing the known ones) or a value the setting
   *     does not accept (see {@link SettingSpec#problem})
   */
  public static Settings of(List<SettingSpec> specs, Map<String, ?> raw) {
    Map<String, SettingSpec> byName = new LinkedHashMap<>();
    for (SettingSpec spec : specs) byName.put(spec.name(), spec);
    Map<String, String> flat = new TreeMap<>();
    flatten("", raw, flat);
    Map<String, String> values = new TreeMap<>();
    for (SettingSpec spec : specs) {
      if (spec.defaultValue() != null) values.put(spec.name(), spec.defaultValue());
    }
    for (Map.Entry<String, String> e : flat.entrySet()) {
      SettingSpec spec = byName.get(e.getKey());
      if (spec == null) {
        throw new SettingsException(e.getKey(), "unknown setting '" + e.getKey() + "'"
            + Suggestions.didYouMean(e.getKey(), byName.keySet())
            + " (known: " + String.join(", ", byName.keySet()) + ")");
      }
      check(spec, e.getValue());
      values.put(e.getKey(), e.getValue());
    }
    return new Settings(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values));
  }

  /** Settings with only the defaults of {@code specs}. */
  public static Settings defaults(List<SettingSpec> specs) {
    return of(specs, Map.of());
  }

  private static void flatten(String prefix, Map<String, ?> raw, Map<String, String> out) {
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      String name = prefix + e.getKey();
      Object v = e.getValue();
      if (v instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, ?> m = (Map<String, ?>) nested;
        flatten(name + ".", m, out);
      } else {
        out.put(name, v == null ? null : String.valueOf(v));
      }
    }
  }

  private static void check(SettingSpec spec, String value) {
    if (value == null) {
      throw new SettingsException(spec.name(), "setting '" + spec.name() + "' has no value; expected " + spec.accepts());
    }
    String problem = spec.problem(value);
    if (problem != null) throw new SettingsException(spec.name(), "setting '" + spec.name() + "' " + problem);
  }

  /** Whether the setting has a value (given or default). */
  public boolean has(String name) {
    spec(name);
    return values.get(name) != null;
  }

  public String getString(String name) {
    spec(name);
    return values.get(name);
  }

  public boolean getBoolean(String name) {
    return Boolean.parseBoolean(require(name));
  }

  public long getLong(String name) {
    return Long.parseLong(require(name));
  }

  public int getInt(String name) {
    return Math.toIntExact(getLong(name));
  }

  public Duration getDuration(String name) {
    return Quantities.parseDuration(require(name));
  }

  public long getBytes(String name) {
    return Quantities.parseBytes(require(name));
  }

  /** Every setting with a value, as text, sorted by name: what {@link TargetInfo#settings()} reports. */
  public Map<String, String> asMap() {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> { if (v != null) out.put(k, v); });
    return out;
  }

  private String require(String name) {
    String v = getString(name);
    if (v == null) throw new IllegalStateException("setting '" + name + "' has no value and no default");
    return v;
  }

  private SettingSpec spec(String name) {
    SettingSpec spec = specs.get(name);
    if (spec == null) throw new IllegalArgumentException("no setting '" + name + "' is declared");
    return spec;
  }
}
