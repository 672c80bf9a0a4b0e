package io.brokerbench.report;

import java.util.List;

/**
 * A workload in a comparison.
 *
 * @param id HTML id
 * @param name workload name
 * @param notes what cannot be compared (a target in one set only, status changes), for the reader
 * @param rows figures, grouped by target
 */
public record CompareSection(String id, String name, List<String> notes, List<CompareRow> rows) {
  public CompareSection {
    notes = List.copyOf(notes);
    rows = List.copyOf(rows);
  }

  /** Rows whose difference is larger than the noise. */
  public long flaggedCount() {
    return rows.stream().filter(r -> r.verdict().flagged()).count();
  }
}
