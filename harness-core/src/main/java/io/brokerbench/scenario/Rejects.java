package io.brokerbench.scenario;

/**
 * Which deliveries consumers reject ({@code consumers.reject}), as processing that fails: either
 * every {@code every}-th delivery of each consumer, or each delivery with probability {@code
 * fraction}, drawn from the consumer's seeded random source. Rejections need manual acks.
 *
 * @param every reject each consumer's every-th delivery (counting from 1: deliveries {@code every},
 *     {@code 2 × every}, …); 0 when {@code fraction} decides
 * @param fraction the probability of rejecting a delivery, above 0 and at most 1; 0 when {@code
 *     every} decides
 * @param requeue whether a rejected message goes back to be delivered again (flagged redelivered), or
 *     is removed (dead-lettered where the target has a dead-letter queue, else dropped)
 */
public record Rejects(long every, double fraction, boolean requeue) {
  /** No delivery is rejected. */
  public static final Rejects NONE = new Rejects(0, 0, false);

  public Rejects {
    if (every < 0) throw new IllegalArgumentException("consumers.reject.every must be >= 1, was " + every);
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("consumers.reject.fraction must be from 0 to 1, was " + fraction);
    }
    if (every > 0 && fraction > 0) throw new IllegalArgumentException("give consumers.reject.every or fraction, not both");
    if (requeue && (every == 1 || fraction == 1)) {
      throw new IllegalArgumentException("rejecting every delivery with requeue would deliver the messages forever");
    }
  }

  /** Rejects every {@code every}-th delivery of each consumer. */
  public static Rejects every(long every, boolean requeue) {
    if (every < 1) throw new IllegalArgumentException("consumers.reject.every must be >= 1, was " + every);
    return new Rejects(every, 0, requeue);
  }

  /** Rejects each delivery with probability {@code fraction}. */
  public static Rejects fraction(double fraction, boolean requeue) {
    if (!(fraction > 0)) throw new IllegalArgumentException("consumers.reject.fraction must be above 0, was " + fraction);
    return new Rejects(0, fraction, requeue);
  }

  /** Whether any delivery is rejected. */
  public boolean any() {
    return every > 0 || fraction > 0;
  }
}
