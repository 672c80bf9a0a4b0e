package io.brokerbench.adapter.rabbitmq;

/**
 * The broker returned a mandatory message ({@code basic.return}): no queue was bound to take it.
 * The message names the exchange, routing key and the broker's reply.
 */
public final class MessageReturnedException extends Exception {
  private static final long serialVersionUID = 1L;

  public MessageReturnedException(String message) {
    super(message, null, false, false);
  }
}
