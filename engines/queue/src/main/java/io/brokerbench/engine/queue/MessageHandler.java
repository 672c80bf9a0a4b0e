package io.brokerbench.engine.queue;

/**
 * Receives a consumer's deliveries. Called by the consumer's session thread, one delivery at a time
 * for every consumer of that session (never concurrently within a session). It may block; that
 * holds back the consumers of its session only. An exception it throws is counted and ignored; a
 * manual-ack delivery it did not settle stays unacknowledged.
 */
@FunctionalInterface
public interface MessageHandler {
  void handle(Delivery delivery);
}
