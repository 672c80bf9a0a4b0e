package io.brokerbench.report;

import java.util.List;

/**
 * Columns of a table under one header.
 *
 * @param label the group's header, e.g. "End-to-end response time"
 * @param unit unit shown in the header, or empty
 * @param columns column labels under it
 */
public record ColumnGroup(String label, String unit, List<String> columns) {
  public ColumnGroup {
    columns = List.copyOf(columns);
  }
}
