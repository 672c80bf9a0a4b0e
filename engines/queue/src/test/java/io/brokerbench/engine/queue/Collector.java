package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A handler that records deliveries and optionally acts on each. */
final class Collector implements MessageHandler {
  final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final Consumer<Delivery> action;

  Collector() {
    this(d -> { });
  }

  Collector(Consumer<Delivery> action) {
    this.action = action;
  }

  @Override
  public void handle(Delivery delivery) {
    deliveries.add(delivery);
    action.accept(delivery);
  }

  Delivery next() throws InterruptedException {
    Delivery d = deliveries.poll(5, TimeUnit.SECONDS);
    assertNotNull(d, "no delivery within 5 s");
    return d;
  }

  List<Delivery> next(int n) throws InterruptedException {
    List<Delivery> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(next());
    return out;
  }

  /** Waits briefly and returns what arrived (to show that nothing more arrives). */
  List<Delivery> quiet() throws InterruptedException {
    Thread.sleep(150);
    List<Delivery> out = new ArrayList<>();
    deliveries.drainTo(out);
    return out;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Delivery d) {
    return new String(d.body(), StandardCharsets.UTF_8);
  }
}
