package io.brokerbench.spi;

/**
 * Why a system removed a message without delivering it, by its own rules: the message is not lost,
 * the settings asked for it to go.
 */
public enum RemovalReason {
  /** Its time to live ran out (message or queue TTL, log retention). */
  EXPIRED("expired"),
  /** The queue was at its maximum length and dropped or refused it (overflow). */
  MAX_LENGTH("maxLength"),
  /** It was delivered as many times as the delivery limit allows. */
  DELIVERY_LIMIT("deliveryLimit"),
  /** A consumer rejected it without requeue. */
  REJECTED("rejected");

  private final String id;

  RemovalReason(String id) {
    this.id = id;
  }

  /** The field name in results.json. */
  public String id() {
    return id;
  }
}
