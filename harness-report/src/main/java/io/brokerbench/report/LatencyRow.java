package io.brokerbench.report;

import java.util.List;

/**
 * One latency distribution of one target over its ok repetitions ({@link PooledLatency}).
 *
 * @param target how the target is drawn
 * @param kind e.g. "end-to-end response"
 * @param cells figures in column order
 */
public record LatencyRow(TargetStyle target, String kind, List<Cell> cells) {
  public LatencyRow {
    cells = List.copyOf(cells);
  }
}
