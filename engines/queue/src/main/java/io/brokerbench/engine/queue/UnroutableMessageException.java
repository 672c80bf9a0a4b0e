package io.brokerbench.engine.queue;

/** A mandatory message matched no queue; the publisher gets it back in this exception. */
public final class UnroutableMessageException extends RuntimeException {
  private final String exchange;
  private final String routingKey;

  public UnroutableMessageException(String exchange, String routingKey) {
    super("message to exchange '" + exchange + "' with routing key '" + routingKey + "' matched no queue (mandatory)", null, false, false);
    this.exchange = exchange;
    this.routingKey = routingKey;
  }

  public String exchange() {
    return exchange;
  }

  public String routingKey() {
    return routingKey;
  }
}
