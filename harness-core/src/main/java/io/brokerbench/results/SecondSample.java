package io.brokerbench.results;

/**
 * Counts in one interval of a run, normally one second.
 *
 * @param second index of the interval from the run's start, 0-based
 * @param phase the phase at the interval's middle: warmup, measure, drain
 * @param seconds the interval's real length in seconds: 1 but for the last one, which ends with the
 *     run; its rates are count ÷ {@code seconds}
 * @param sent messages sent in the interval
 * @param confirmed confirms received in the interval
 * @param consumed first deliveries received in the interval (all subscriptions)
 */
public record SecondSample(int second, String phase, double seconds, long sent, long confirmed, long consumed) {}
