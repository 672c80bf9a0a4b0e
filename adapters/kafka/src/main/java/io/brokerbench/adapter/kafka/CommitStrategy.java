package io.brokerbench.adapter.kafka;

import java.util.Locale;

/**
 * When a consumer commits the offsets of its settled deliveries to its group (setting {@code
 * consumer.commit}).
 *
 * <p>A consumer only ever commits offsets up to the first delivery not yet settled (acked or
 * rejected) in each partition, so an unacknowledged record is delivered again after the consumer
 * closes. On a clean close every strategy commits what is settled, synchronously.
 */
public enum CommitStrategy {
  /**
   * Every {@code consumer.auto-commit-interval}. With automatic acknowledgement this is Kafka's own
   * {@code enable.auto.commit=true}; with manual acknowledgement the consumer commits the settled
   * offsets asynchronously at that interval from its poll loop (Kafka's auto commit would also
   * commit records the harness has not acknowledged).
   */
  AUTO,
  /** {@code commitSync} after the records of each poll are delivered: slowest, fewest redeliveries. */
  SYNC,
  /** {@code commitAsync} after the records of each poll are delivered. */
  ASYNC;

  /** The lower-case name used in scenario files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The strategy named {@code text} ({@code auto}, {@code sync} or {@code async}). */
  public static CommitStrategy fromYaml(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
