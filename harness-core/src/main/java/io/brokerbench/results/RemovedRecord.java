package io.brokerbench.results;

/**
 * Messages a target removed by its own rules, without a delivery that counts; not lost.
 *
 * @param expired time to live ran out
 * @param maxLength dropped or refused at the queue's maximum length
 * @param deliveryLimit delivered as often as the delivery limit allows
 * @param rejected rejected without requeue
 */
public record RemovedRecord(long expired, long maxLength, long deliveryLimit, long rejected) {
  public static final RemovedRecord NONE = new RemovedRecord(0, 0, 0, 0);

  /** All removed messages, whatever the reason. */
  public long total() {
    return expired + maxLength + deliveryLimit + rejected;
  }

  public RemovedRecord plus(RemovedRecord o) {
    return new RemovedRecord(expired + o.expired, maxLength + o.maxLength, deliveryLimit + o.deliveryLimit,
        rejected + o.rejected);
  }
}
