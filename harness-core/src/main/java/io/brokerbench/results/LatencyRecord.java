package io.brokerbench.results;

/**
 * @param publish send → confirm
 * @param endToEnd send → first delivery, all subscriptions
 */
public record LatencyRecord(LatencyPair publish, LatencyPair endToEnd) {}
