package io.brokerbench.engine.queue;

/**
 * A mandatory message matched no queue: the engine returns it to the publisher in this exception
 * (AMQP's basic.return), through the failed confirm future.
 */
public final class UnroutableMessageException extends RuntimeException {
  private final String exchange;
  private final String routingKey;
  private final transient byte[] body;

  public UnroutableMessageException(String exchange, String routingKey, byte[] body) {
    super("message to exchange '" + exchange + "' with routing key '" + routingKey + "' matched no queue (mandatory)", null,
        false, false);
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.body = body;
  }

  public String exchange() {
    return exchange;
  }

  public String routingKey() {
    return routingKey;
  }

  /** The returned message body: the array the publisher passed to {@code publish}. */
  public byte[] body() {
    return body;
  }
}
