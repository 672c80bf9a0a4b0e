package io.brokerbench.plan;

import java.util.Locale;

/** How a destination routes messages to subscriptions; the four AMQP exchange types. */
public enum Routing {
  /** A subscription receives a message whose routing key equals one of its binding keys. */
  DIRECT,
  /** Every subscription receives every message. */
  FANOUT,
  /** Binding patterns over dot-separated words: {@code *} one word, {@code #} zero or more. */
  TOPIC,
  /** Binding headers matched against message headers, all or any of them. */
  HEADERS;

  /** The lower-case name used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
