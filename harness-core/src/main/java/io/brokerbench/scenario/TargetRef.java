package io.brokerbench.scenario;

import java.util.Map;

/**
 * A target as a scenario lists it.
 *
 * @param name the provider name ({@code queue-engine})
 * @param label how results name this entry; the name unless the scenario lists the same target
 *     twice with different settings ({@code label: queue-engine-durable})
 * @param settings the settings as written (nested maps allowed); validated against the provider
 */
public record TargetRef(String name, String label, Map<String, Object> settings) {
  public TargetRef {
    settings = Map.copyOf(settings);
    if (label == null) label = name;
  }
}
