package io.brokerbench.report;

import java.util.List;

/**
 * Settings as each target applied them: one row per setting name, one column per target.
 *
 * @param targets columns
 * @param rows setting name → per target, the distinct values its runs applied
 */
public record SettingsTable(List<TargetStyle> targets, List<Row> rows) {
  /**
   * @param name the setting
   * @param values per target (in column order), the distinct values its runs applied; empty when the
   *     target has no such setting
   */
  public record Row(String name, List<List<SettingValue>> values) {
    public Row {
      values = values.stream().map(List::copyOf).toList();
    }
  }
}
