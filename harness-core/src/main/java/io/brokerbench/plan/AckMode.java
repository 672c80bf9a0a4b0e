package io.brokerbench.plan;

/** How consumers settle deliveries. */
public enum AckMode {
  /** The system considers a message settled when it hands it out (RabbitMQ auto-ack, Kafka auto-commit-like). */
  AUTO,
  /** The harness acknowledges each delivery after processing it. */
  MANUAL
}
