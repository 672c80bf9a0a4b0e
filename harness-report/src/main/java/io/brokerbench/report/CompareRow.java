package io.brokerbench.report;

/**
 * One figure of one target in a comparison.
 *
 * @param workload workload name
 * @param target how the target is drawn
 * @param group the figure's group, e.g. "End-to-end response time"
 * @param figure the figure's label with its unit, e.g. "p99 (µs)"
 * @param a mean ± interval in result set A
 * @param b mean ± interval in result set B
 * @param change relative change B vs A, e.g. "+12.4%", or "–"
 * @param verdict what the comparison concludes
 * @param reason for {@link Verdict#NOT_COMPARABLE}, the differences that make it so; else empty
 */
public record CompareRow(
    String workload, TargetStyle target, String group, String figure, Cell a, Cell b, String change, Verdict verdict,
    String reason) {}
