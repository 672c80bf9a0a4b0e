package io.brokerbench.results;

/**
 * @param role {@code harness} or {@code target}
 * @param pid OS process id
 * @param cpuSeconds CPU time (user + system) used during the run
 * @param peakRssBytes highest resident set size sampled during the run
 */
public record ProcessResources(String role, long pid, double cpuSeconds, long peakRssBytes) {}
