package io.brokerbench.results;

/**
 * Counts in one second of a run.
 *
 * @param second seconds since the run's start, 0-based
 * @param phase the phase at the second's start: warmup, measure, drain
 * @param sent messages sent in the second
 * @param confirmed confirms received in the second
 * @param consumed first deliveries received in the second (all subscriptions)
 */
public record SecondSample(int second, String phase, long sent, long confirmed, long consumed) {}
