package io.brokerbench.spi;

/**
 * Receives the deliveries of one consumer.
 *
 * <p>Threading: a target calls {@link #onDelivery} for one consumer from one thread at a time (never
 * concurrently for the same consumer), usually its client's dispatch thread. The listener may
 * block (it simulates processing time), which holds back that consumer only.
 */
@FunctionalInterface
public interface DeliveryListener {

  /** Called once per delivery, first deliveries and redeliveries alike. */
  void onDelivery(Delivery delivery);
}
