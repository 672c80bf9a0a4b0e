package io.brokerbench.spi;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes messages to a target. One producer is used by exactly one harness thread; {@link
 * #send} is never called concurrently on the same producer.
 */
public interface TargetProducer extends AutoCloseable {

  /**
   * Publishes {@code message} without waiting for the system.
   *
   * <p>The returned future completes when the target confirms the message and exceptionally when
   * it is refused (negative confirm, unroutable with mandatory, broker error). It may be completed
   * on any thread, typically the client library's I/O thread, and possibly before {@code send}
   * returns; the harness's completion handlers are short and never block. The harness bounds how
   * many futures are pending ({@code maxInFlight}), so a target need not buffer without bound.
   *
   * <p>Back-pressure is allowed: {@code send} may block the calling thread while the system
   * pushes back (the time shows in the response time).
   *
   * @throws Exception when the producer is broken; the run ends as {@code failed}
   */
  CompletableFuture<Void> send(OutgoingMessage message) throws Exception;

  /** Releases the producer; pending futures may still complete afterwards. Idempotent. */
  @Override
  void close();
}
