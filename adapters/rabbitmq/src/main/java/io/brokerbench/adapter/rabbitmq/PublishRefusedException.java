package io.brokerbench.adapter.rabbitmq;

/**
 * The broker answered a publish with a negative confirm ({@code basic.nack}): it did not take
 * responsibility for the message (e.g. a queue overflow with {@code reject-publish}, an internal
 * error).
 */
public final class PublishRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public PublishRefusedException(String message) {
    super(message, null, false, false);
  }
}
