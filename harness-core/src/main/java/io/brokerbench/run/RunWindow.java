package io.brokerbench.run;

/**
 * The timing of one run on the run clock.
 *
 * @param startNanos when producers start (warm-up begins)
 * @param measureStartNanos end of warm-up, start of the measured window
 * @param measureEndNanos end of the measured window for a duration workload; {@link Long#MAX_VALUE}
 *     for a count workload (it ends when the count is sent)
 * @param measuredPerProducer for a count workload, measured messages of each producer (index =
 *     producer); empty for a duration workload
 */
record RunWindow(long startNanos, long measureStartNanos, long measureEndNanos, long[] measuredPerProducer) {
  boolean isCounted() {
    return measuredPerProducer.length > 0;
  }
}
