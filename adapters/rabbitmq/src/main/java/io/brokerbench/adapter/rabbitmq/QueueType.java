package io.brokerbench.adapter.rabbitmq;

import java.util.Locale;

/** The RabbitMQ queue type of every queue of a run ({@code x-queue-type}). */
public enum QueueType {
  /** The original single-node queue; may be transient. */
  CLASSIC,
  /** A replicated Raft-based queue; always durable. */
  QUORUM,
  /**
   * An append-only log read by offset; always durable. Over AMQP 0-9-1 a consumer needs a
   * prefetch and manual acknowledgements (which only move the credit window: a stream does not
   * delete or requeue), and says where to start reading with {@code x-stream-offset}. The broker
   * delivers whole chunks of the log, so a consumer may hold more unacknowledged messages than its
   * prefetch.
   */
  STREAM;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QueueType fromYaml(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** Whether the type exists only as a durable queue. */
  public boolean alwaysDurable() {
    return this != CLASSIC;
  }
}
