package io.brokerbench.results;

import java.util.Map;

/**
 * @param name provider name
 * @param version system version as reported
 * @param mode embedded, local, container or external
 * @param settings every setting as applied; a setting with no effect in the run reads
 *     {@code n/a (reason)}
 * @param guarantee what the applied settings promise; {@code null} in schema version 1
 */
public record TargetInfoRecord(
    String name, String version, String mode, Map<String, String> settings, GuaranteeRecord guarantee) {}
