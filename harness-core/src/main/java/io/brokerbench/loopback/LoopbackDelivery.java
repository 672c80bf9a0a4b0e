package io.brokerbench.loopback;

import io.brokerbench.spi.Delivery;

/**
 * A message in a loopback queue and, once handed out, its delivery. Fields other than {@link
 * #redelivered} and {@link #owner} are immutable; those two are written by the queue's dispatcher
 * thread (or by a closing consumer after its dispatcher stopped).
 */
final class LoopbackDelivery implements Delivery {
  private final byte[] payload;
  private final byte[] key;
  private final int destination;
  private final int partition;
  final Mailbox mailbox;
  boolean redelivered;
  LoopbackConsumer owner;
  boolean settled;

  LoopbackDelivery(byte[] payload, byte[] key, int destination, int partition, Mailbox mailbox) {
    this.payload = payload;
    this.key = key;
    this.destination = destination;
    this.partition = partition;
    this.mailbox = mailbox;
  }

  @Override public byte[] payload() { return payload; }
  @Override public byte[] key() { return key; }
  @Override public int destination() { return destination; }
  @Override public int partition() { return partition; }
  @Override public boolean redelivered() { return redelivered; }

  @Override
  public void ack() {
    LoopbackConsumer c = owner;
    if (c != null) c.settle(this, false);
  }

  @Override
  public void reject(boolean requeue) {
    LoopbackConsumer c = owner;
    if (c != null) c.settle(this, requeue);
  }
}
