package io.brokerbench.spi;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the harness gives a target for one run.
 *
 * @param runId identifier of the run; names of queues and topics carry it (see {@code TopologyPlan})
 * @param workDirectory a directory owned by this run and target (data directories, broker logs);
 *     it lives in the results folder and is kept after the run
 * @param nanoClock the harness clock, {@link System#nanoTime()} outside tests; targets that schedule
 *     work in time (the synthetic target) use it so tests can run on a fake clock
 * @param log one-line progress messages for the user (e.g. which provisioning was chosen and why)
 */
public record TargetContext(String runId, Path workDirectory, LongSupplier nanoClock, Consumer<String> log) {}
