package io.brokerbench.spi;

import java.util.Map;

/**
 * What a target turned out to be once opened.
 *
 * @param name the provider name
 * @param version the system's version as it reports it (server version for a real broker)
 * @param mode how it is reached
 * @param settings every setting as applied, including defaults and values the target derived
 *     (e.g. the provisioning it chose), as strings
 */
public record TargetInfo(String name, String version, TargetMode mode, Map<String, String> settings) {
  public TargetInfo {
    settings = Map.copyOf(settings);
  }
}
