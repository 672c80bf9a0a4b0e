package io.brokerbench.spi;

import java.util.OptionalInt;

/** A running consumer; deliveries go to the {@link DeliveryListener} given at creation. */
public interface TargetConsumer extends AutoCloseable {

  /**
   * The most deliveries this consumer held at once: received from the system and neither
   * acknowledged nor rejected yet, counted from its first delivery; at most its prefetch where the
   * target bounds it. Empty when the adapter cannot see them all, because the client buffers
   * deliveries out of its sight (a push client's dispatch queue). Any thread; read once the
   * consumer has stopped.
   */
  default OptionalInt mostUnacknowledged() {
    return OptionalInt.empty();
  }

  /**
   * Stops consuming. Deliveries not yet acknowledged return to the system, which delivers them
   * again (flagged redelivered) to another consumer where the model allows. After {@code close}
   * returns, the listener is not called again. Idempotent.
   */
  @Override
  void close();
}
