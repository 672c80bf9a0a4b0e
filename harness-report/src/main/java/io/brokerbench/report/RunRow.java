package io.brokerbench.report;

import java.util.List;

/**
 * One run (or one subscription of it) in a per-run table.
 *
 * @param target how the target is drawn
 * @param repetition 1-based
 * @param subscription subscription number for a per-subscription line, or -1 for the run's own line
 * @param status ok, failed, unsupported, interrupted
 * @param reason the error, or empty
 * @param cells figures in column order; empty when the run has none
 */
public record RunRow(TargetStyle target, int repetition, int subscription, String status, String reason, List<Cell> cells) {
  public RunRow {
    cells = List.copyOf(cells);
  }

  public boolean isSubscription() {
    return subscription >= 0;
  }
}
