package io.brokerbench.report;

import java.util.List;

/**
 * Everything the page shows about one workload.
 *
 * @param id HTML id, unique in the page
 * @param name workload name
 * @param source the workload file as written, or empty when the results do not carry it
 * @param repetitions most repetitions of any target in this workload
 * @param guaranteeWarning why the targets' figures do not measure the same promise, when their
 *     guarantees differ ({@link Guarantees#warning}); else empty
 * @param notes how to read the summary, each labelled by what it is about: {@code aggregation} (how
 *     figures were formed from the repetitions), {@code stars} (what ★ marks, or why nothing is
 *     marked), {@code reference} (the loopback reference, when present)
 * @param summaryGroups header groups of the summary table
 * @param summaryRows one per target, in scenario order
 * @param charts in page order
 * @param latencyColumns columns of the latency table
 * @param latencyRows four per target with figures
 * @param runGroups header groups of the per-run ledger table
 * @param runRows one per run, each followed by its subscriptions when it has more than one
 * @param consumers one per target whose ok runs recorded their consumers, when some subscription of
 *     the workload had two or more; else empty, and the page has no consumers section
 * @param partitions messages per partition by target, when the workload has two or more
 *     partitions; else {@code null}, and the page has no partitions section
 */
public record WorkloadView(
    String id, String name, String source, int repetitions, String guaranteeWarning, List<Fact> notes,
    List<ColumnGroup> summaryGroups, List<SummaryRow> summaryRows,
    List<ChartView> charts, List<String> latencyColumns, List<LatencyRow> latencyRows, List<ColumnGroup> runGroups,
    List<RunRow> runRows, List<ConsumerTable> consumers, PartitionTable partitions) {

  /** Figure columns of the summary table (target and status excluded). */
  public int summaryColumnCount() {
    return summaryGroups.stream().mapToInt(g -> g.columns().size()).sum();
  }

  /** Figure columns of the per-run table (target, repetition and status excluded). */
  public int runColumnCount() {
    return runGroups.stream().mapToInt(g -> g.columns().size()).sum();
  }
}
