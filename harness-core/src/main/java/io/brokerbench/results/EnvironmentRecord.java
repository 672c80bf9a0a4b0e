package io.brokerbench.results;

/**
 * @param harnessVersion brokerbench version
 * @param gitCommit commit the harness was built from, or {@code unknown}
 * @param jvm vendor, name and version of the harness JVM
 * @param os name, version and architecture
 * @param cpus available processors
 * @param memoryBytes physical memory
 * @param freeDiskBytes free space where results are written, at start
 * @param startedAt ISO-8601 UTC
 * @param endedAt ISO-8601 UTC
 */
public record EnvironmentRecord(
    String harnessVersion, String gitCommit, String jvm, String os, int cpus, long memoryBytes, long freeDiskBytes,
    String startedAt, String endedAt) {}
