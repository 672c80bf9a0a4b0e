package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.spi.Delivery;

/** An engine delivery seen through the SPI, with the plan's destination and partition of its queue. */
record EngineDelivery(io.brokerbench.engine.queue.Delivery delivery, int destination, int partition) implements Delivery {
  @Override
  public byte[] payload() {
    return delivery.body();
  }

  @Override
  public byte[] key() {
    return null;
  }

  @Override
  public boolean redelivered() {
    return delivery.redelivered();
  }

  @Override
  public void ack() {
    delivery.ack();
  }

  @Override
  public void reject(boolean requeue) {
    delivery.reject(requeue);
  }
}
