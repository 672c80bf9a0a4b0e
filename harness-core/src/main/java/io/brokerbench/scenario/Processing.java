package io.brokerbench.scenario;

import io.brokerbench.distribution.Distribution;
import java.time.Duration;
import java.util.List;

/**
 * How long a consumer spends on each delivery before settling it ({@code consumers.processing}):
 * one distribution for every consumer, or one per consumer index within a subscription, so that one
 * consumer can be slower than the others. Draws are seeded per consumer from the workload's seed.
 *
 * @param perConsumer one distribution for all consumers, or exactly one per consumer index; of
 *     durations in nanoseconds
 */
public record Processing(List<Distribution> perConsumer) {
  /** No processing time at all. */
  public static final Processing NONE = fixed(Duration.ZERO);

  public Processing {
    perConsumer = List.copyOf(perConsumer);
    if (perConsumer.isEmpty()) throw new IllegalArgumentException("consumers.processing needs at least one distribution");
  }

  /** The same constant time for every consumer. */
  public static Processing fixed(Duration each) {
    if (each == null || each.isNegative()) throw new IllegalArgumentException("consumers.processing must be >= 0, was " + each);
    return new Processing(List.of(new Distribution.Fixed(each.toNanos())));
  }

  /** The distribution of consumer {@code consumerIndex} of any subscription. */
  public Distribution of(int consumerIndex) {
    return perConsumer.size() == 1 ? perConsumer.get(0) : perConsumer.get(consumerIndex);
  }

  /** Whether the list names one distribution per consumer (rather than one for all). */
  public boolean isPerConsumer() {
    return perConsumer.size() > 1;
  }
}
