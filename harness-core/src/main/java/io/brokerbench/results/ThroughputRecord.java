package io.brokerbench.results;

import java.util.List;

/**
 * Rates over the measured window (messages or bytes per second): events that happened inside the
 * window ÷ its length. What arrives during the drain is in the ledger, not in the rates.
 *
 * @param offeredPerSec what the schedule asked for; for max rate, equal to the confirmed rate
 * @param confirmedPerSec confirms that arrived in the window, whatever message they concern (a
 *     warm-up message confirmed in the window counts), ÷ window
 * @param consumedPerSec first deliveries (all subscriptions) that arrived in the window, whatever
 *     message they concern, ÷ window
 * @param confirmedBytesPerSec {@code confirmedPerSec × message size}
 * @param consumedBytesPerSec {@code consumedPerSec × message size}
 * @param windowSeconds the measured window's length: the workload's duration, or for a counted or
 *     interrupted run, from its start to the last measured send
 * @param saturated whether some producer or subscription could not keep up ({@code saturation} says
 *     which); never at max rate
 * @param saturation each producer and subscription that could not keep up, with its figure
 * @param series one sample per second of the whole run
 */
public record ThroughputRecord(
    double offeredPerSec, double confirmedPerSec, double consumedPerSec, double confirmedBytesPerSec,
    double consumedBytesPerSec, double windowSeconds, boolean saturated, List<SaturationRecord> saturation,
    List<SecondSample> series) {}
