package io.brokerbench.spi;

/** A running consumer; deliveries go to the {@link DeliveryListener} given at creation. */
public interface TargetConsumer extends AutoCloseable {

  /**
   * Stops consuming. Deliveries not yet acknowledged return to the system, which delivers them
   * again (flagged redelivered) to another consumer where the model allows. After {@code close}
   * returns, the listener is not called again. Idempotent.
   */
  @Override
  void close();
}
