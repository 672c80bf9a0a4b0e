package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A delivery listener for tests: records every delivery and optionally settles it. */
final class Recorder implements DeliveryListener {
  /** What one delivery carried. */
  record Received(long messageId, int key, long sequence, int destination, int partition, boolean redelivered) {}

  private final List<Received> received = new ArrayList<>();
  private final List<Delivery> held = new ArrayList<>();
  private final Consumer<Delivery> settle;

  private Recorder(Consumer<Delivery> settle) {
    this.settle = settle;
  }

  static Recorder acking() {
    return new Recorder(Delivery::ack);
  }

  /** Keeps every delivery unsettled (for prefetch and redelivery tests). */
  static Recorder holding() {
    return new Recorder(null);
  }

  static Recorder settling(Consumer<Delivery> settle) {
    return new Recorder(settle);
  }

  @Override
  public void onDelivery(Delivery delivery) {
    byte[] p = delivery.payload();
    Received r = new Received(Envelope.messageId(p), Envelope.key(p), Envelope.sequence(p), delivery.destination(),
        delivery.partition(), delivery.redelivered());
    synchronized (this) {
      received.add(r);
      if (settle == null) held.add(delivery);
      notifyAll();
    }
    if (settle != null) settle.accept(delivery);
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized List<Delivery> held() {
    return List.copyOf(held);
  }

  synchronized int count() {
    return received.size();
  }

  /** Waits until at least {@code n} deliveries arrived or {@code seconds} passed; returns the count. */
  synchronized int awaitCount(int n, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (received.size() < n) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) break;
      wait(left);
    }
    return received.size();
  }
}
