package io.brokerbench.results;

import java.util.List;

/**
 * @param processes the harness JVM first, then each process the target owns
 * @param bytesWritten bytes the target's data directory grew by, or -1 when it has none
 */
public record ResourcesRecord(List<ProcessResources> processes, long bytesWritten) {}
