package io.brokerbench.results;

import java.util.List;

/**
 * Rates over the measured window (messages or bytes per second).
 *
 * @param offeredPerSec what the schedule asked for; for max rate, equal to the confirmed rate
 * @param confirmedPerSec messages confirmed in the window, whose intended send time is in it
 * @param consumedPerSec first deliveries of messages sent in the window
 * @param confirmedBytesPerSec {@code confirmedPerSec × message size}
 * @param consumedBytesPerSec {@code consumedPerSec × message size}
 * @param saturated whether the confirmed or consumed rate fell more than 5% short of the offered one
 *     (at a fixed rate; never at max rate)
 * @param series one sample per second of the whole run
 */
public record ThroughputRecord(
    double offeredPerSec, double confirmedPerSec, double consumedPerSec, double confirmedBytesPerSec,
    double consumedBytesPerSec, boolean saturated, List<SecondSample> series) {}
