package io.brokerbench.report;

import java.util.List;

/**
 * How a workload's messages spread over its destinations and partitions, per target: with keys
 * drawn unevenly ({@code messages.keyChoice}), the hot partitions. Counted from what the producers
 * sent over the whole run, summed over a target's ok repetitions.
 *
 * @param columns one label per partition shown ({@code p3}, or {@code d1 p3} with several
 *     destinations), at most {@link #MAX_COLUMNS}
 * @param total partitions the workload has
 * @param rows one per target with records
 */
public record PartitionTable(List<String> columns, int total, List<Row> rows) {
  /** Most partitions shown; beyond them the table says how many more there are. */
  public static final int MAX_COLUMNS = 32;

  public PartitionTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * @param target the target's label and style
   * @param shares its share of the messages in each partition shown, in column order
   * @param hottest the hottest partition's share ÷ an even share, formatted ({@code 1.31}; 1.00 =
   *     even)
   * @param hottestValue the same, unformatted
   */
  public record Row(TargetStyle target, List<Share> shares, String hottest, double hottestValue) {
    public Row {
      shares = List.copyOf(shares);
    }
  }

  /**
   * @param text the share as shown ({@code 25%})
   * @param percent the share in percent, unformatted
   * @param sent messages sent to the partition, formatted
   */
  public record Share(String text, double percent, String sent) {}
}
