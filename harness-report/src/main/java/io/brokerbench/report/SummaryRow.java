package io.brokerbench.report;

import java.util.List;

/**
 * One target in a workload's summary table.
 *
 * @param target how the target is drawn
 * @param repetitions "ok runs / runs", e.g. "2/2"
 * @param guarantee what a confirm promised in its runs ({@link Guarantees#text}), several joined with
 *     " / "; empty when the target never opened
 * @param notes statuses other than plain ok (saturated, failed, unsupported…), with reasons
 * @param cells figures in column order, over the ok repetitions (see {@link Cell#basis()}); empty when none is ok
 */
public record SummaryRow(
    TargetStyle target, String repetitions, String guarantee, List<StatusNote> notes, List<Cell> cells) {
  public SummaryRow {
    notes = List.copyOf(notes);
    cells = List.copyOf(cells);
  }

  public boolean hasFigures() {
    return !cells.isEmpty();
  }

  /** Each kind of status among the runs, worst first; "ok" alone when every run was plain ok. */
  public List<String> statuses() {
    List<String> kinds = new java.util.ArrayList<>();
    for (String kind : List.of("failed", "unsupported", "interrupted", "saturated")) {
      for (StatusNote note : notes) {
        if (note.kind().equals(kind) && !kinds.contains(kind)) kinds.add(kind);
      }
    }
    if (kinds.isEmpty() || hasFigures() && kinds.stream().allMatch(k -> k.equals("saturated"))) kinds.add(0, "ok");
    return kinds;
  }

  /** The headline status: the worst note, or ok. */
  public String status() {
    for (String kind : List.of("failed", "unsupported", "interrupted", "saturated")) {
      for (StatusNote note : notes) if (note.kind().equals(kind)) return kind;
    }
    return "ok";
  }
}
