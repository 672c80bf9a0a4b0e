package io.brokerbench.adapter.kafka;

import java.util.Locale;

/** How a consumer obtains its partitions (setting {@code assignment}). */
public enum AssignmentMode {
  /**
   * {@code KafkaConsumer.assign} with exactly the partitions the topology plan gives the consumer
   * (partition {@code i} to consumer {@code i mod M}); the group id is still set and commits go to
   * the group, but there is no group membership and no rebalance. The benchmark default: every
   * target consumes the same partitions with the same consumer.
   */
  STATIC,
  /**
   * {@code KafkaConsumer.subscribe} to the subscription's topics (a pattern for topic routing): the
   * group coordinator assigns partitions and rebalances when consumers come and go. For rebalance
   * scenarios; which consumer reads which partition is then Kafka's choice, not the plan's.
   */
  SUBSCRIBE;

  /** The lower-case name used in scenario files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code text} ({@code static} or {@code subscribe}). */
  public static AssignmentMode fromYaml(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
