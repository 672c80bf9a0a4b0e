package io.brokerbench.results;

/**
 * One producer or subscription that could not keep up with the offered rate.
 *
 * @param kind {@code producer} or {@code subscription}
 * @param index 0-based producer or subscription index
 * @param value the figure that crossed its limit: for a producer, its send lag at the window's end
 *     in seconds; for a subscription, how many messages its backlog grew by over the window
 * @param limit the limit it crossed, in the same unit
 * @param reason one line for people, naming the producer or subscription and both figures
 */
public record SaturationRecord(String kind, int index, double value, double limit, String reason) {}
