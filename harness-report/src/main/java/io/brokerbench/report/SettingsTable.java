package io.brokerbench.report;

import java.util.List;

/**
 * Settings as each target applied them: one row per setting name, one column per target.
 *
 * @param targets columns
 * @param rows setting name → one value per target ("–" when the target has no such setting;
 *     values that differed between runs joined with " / ")
 */
public record SettingsTable(List<TargetStyle> targets, List<Row> rows) {
  public record Row(String name, List<String> values) {}
}
