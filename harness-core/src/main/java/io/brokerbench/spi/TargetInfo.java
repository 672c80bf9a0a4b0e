package io.brokerbench.spi;

import java.util.Map;

/**
 * What a target turned out to be once opened.
 *
 * @param name the provider name
 * @param version the system's version as it reports it (server version for a real broker)
 * @param mode how it is reached
 * @param settings every setting as applied, including defaults and values the target derived
 *     (e.g. the provisioning it chose), as strings; a setting that has no effect in this run
 *     holds {@link #notApplicable(String)} instead of a value
 * @param guarantee what the applied settings promise about a confirmed message
 */
public record TargetInfo(String name, String version, TargetMode mode, Map<String, String> settings, Guarantee guarantee) {
  /** The prefix of a setting value that has no effect in the run. */
  public static final String NOT_APPLICABLE = "n/a";

  public TargetInfo {
    settings = Map.copyOf(settings);
    if (guarantee == null) throw new IllegalArgumentException("guarantee is required (Guarantee.unstated() if unknown)");
  }

  /** The value of a setting that has no effect in this run, with the reason: {@code n/a (reason)}. */
  public static String notApplicable(String reason) {
    return NOT_APPLICABLE + " (" + reason + ")";
  }
}
