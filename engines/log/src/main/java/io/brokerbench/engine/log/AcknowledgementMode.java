package io.brokerbench.engine.log;

/** How a {@link ShareConsumer} acknowledges records (Kafka's {@code share.acknowledgement.mode}). */
public enum AcknowledgementMode {
  /**
   * Every record handed out by a poll is accepted by the next poll, {@link ShareConsumer#commitSync()}
   * or {@link ShareConsumer#close()}; {@link ShareConsumer#acknowledge} is refused. Kafka's default.
   */
  IMPLICIT,
  /**
   * The application acknowledges each record with {@link ShareConsumer#acknowledge}; a record not
   * acknowledged stays acquired until its lock times out or the consumer closes, then it is
   * delivered again.
   */
  EXPLICIT
}
