package io.brokerbench.adapter.shared;

import io.brokerbench.spi.Delivery;

/**
 * A delivery of a queue-model target that carries no key and settles each message on its own
 * (RabbitMQ's delivery tags, NATS JetStream's acks, Redis streams' {@code XACK}): the parts every
 * such delivery reports. A subclass settles through its consumer's client ({@link #ack()}, {@link
 * #reject(boolean)}) and states which thread may call it.
 */
public abstract class KeylessDelivery implements Delivery {
  private final byte[] payload;
  private final int destination;
  private final int partition;
  private final boolean redelivered;

  /**
   * @param payload the message as received, not copied
   * @param destination the destination index of the plan, 0 or more
   * @param partition the partition within it, 0 or more
   * @param redelivered whether the broker delivered it before
   */
  protected KeylessDelivery(byte[] payload, int destination, int partition, boolean redelivered) {
    this.payload = payload;
    this.destination = destination;
    this.partition = partition;
    this.redelivered = redelivered;
  }

  @Override
  public final byte[] payload() {
    return payload;
  }

  /** None: the broker does not carry the key. */
  @Override
  public final byte[] key() {
    return null;
  }

  @Override
  public final int destination() {
    return destination;
  }

  @Override
  public final int partition() {
    return partition;
  }

  @Override
  public final boolean redelivered() {
    return redelivered;
  }
}
