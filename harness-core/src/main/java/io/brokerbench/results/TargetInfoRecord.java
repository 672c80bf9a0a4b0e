package io.brokerbench.results;

import java.util.Map;

/**
 * @param name provider name
 * @param version system version as reported
 * @param mode embedded, local, container or external
 * @param settings every setting as applied
 */
public record TargetInfoRecord(String name, String version, String mode, Map<String, String> settings) {}
