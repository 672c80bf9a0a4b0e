package io.brokerbench.results;

/**
 * @param service from the actual send time
 * @param response from the intended send time (coordinated omission corrected)
 */
public record LatencyPair(LatencySummary service, LatencySummary response) {}
