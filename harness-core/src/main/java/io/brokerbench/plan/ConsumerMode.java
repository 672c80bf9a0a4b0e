package io.brokerbench.plan;

import java.util.Locale;

/** How consumers receive deliveries ({@code consumers.mode}). */
public enum ConsumerMode {
  /**
   * The system pushes deliveries to the consumer as they arrive, up to its prefetch: AMQP's
   * basic.consume, an engine's push. Log-model clients always poll; there push and pull are the
   * same poll loop.
   */
  PUSH,
  /**
   * The consumer asks for each delivery (AMQP basic.get, a poll) and holds at most its prefetch
   * unsettled: it asks again only once a held delivery is settled.
   */
  PULL;

  /** The value as written in a workload: {@code push}, {@code pull}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
