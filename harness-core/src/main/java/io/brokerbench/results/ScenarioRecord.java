package io.brokerbench.results;

import java.util.Map;

/**
 * @param name scenario name
 * @param description scenario description
 * @param files every file read, path as given → its text
 */
public record ScenarioRecord(String name, String description, Map<String, String> files) {}
