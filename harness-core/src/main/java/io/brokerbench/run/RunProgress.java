package io.brokerbench.run;

/**
 * A snapshot of a running run.
 *
 * @param target target label
 * @param workload workload name
 * @param phase warmup, measure or drain
 * @param elapsedSeconds time spent in {@code phase} so far
 * @param plannedSeconds the phase's planned length: the warm-up, the measured window (-1 for a
 *     count workload) or the drain timeout (a bound, not a plan). A measure phase longer than
 *     planned is the producers sending the window's late slots
 * @param sentLastSecond messages sent in the last second
 * @param consumedLastSecond first deliveries in the last second
 * @param publishP99Micros publish response-time p99 so far (measured window), 0 before any
 * @param endToEndP99Micros end-to-end response-time p99 so far, 0 before any
 */
public record RunProgress(
    String target, String workload, String phase, double elapsedSeconds, double plannedSeconds, long sentLastSecond,
    long consumedLastSecond, double publishP99Micros, double endToEndP99Micros) {}
