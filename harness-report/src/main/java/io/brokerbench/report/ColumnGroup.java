package io.brokerbench.report;

import io.brokerbench.metrics.Metric;
import java.util.ArrayList;
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

  /**
   * The headers of a table whose columns are {@code metrics}, in their order: consecutive metrics
   * with the same {@link Metric#heading()} share a group; a group whose metrics share a unit shows it
   * once in its header and labels each column by {@link Metric#label()}, else each column says its
   * own unit ({@link Metric#term()}).
   */
  static List<ColumnGroup> of(List<Metric> metrics) {
    List<ColumnGroup> groups = new ArrayList<>();
    int start = 0;
    while (start < metrics.size()) {
      int end = start + 1;
      while (end < metrics.size() && metrics.get(end).heading().equals(metrics.get(start).heading())) end++;
      List<Metric> members = metrics.subList(start, end);
      boolean oneUnit = members.stream().allMatch(m -> m.unit() == members.get(0).unit());
      groups.add(new ColumnGroup(members.get(0).heading(), oneUnit ? members.get(0).unit().symbol() : "",
          members.stream().map(m -> oneUnit ? m.label() : m.term()).toList()));
      start = end;
    }
    return groups;
  }
}
