package io.brokerbench.adapter.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.Delivery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PullLoopTest {

  /** A queue of numbered messages; counts acks and rejects. */
  private static final class FakeQueue implements PullLoop.Source {
    final ConcurrentLinkedQueue<Integer> ready = new ConcurrentLinkedQueue<>();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger settled = new AtomicInteger();
    final int partition;

    FakeQueue(int partition, int from, int count) {
      this.partition = partition;
      for (int i = from; i < from + count; i++) ready.add(i);
    }

    @Override
    public Delivery get() {
      gets.incrementAndGet();
      Integer id = ready.poll();
      if (id == null) return null;
      return new KeylessDelivery(new byte[] {id.byteValue()}, 0, partition, false) {
        @Override
        public void ack() {
          settled.incrementAndGet();
        }

        @Override
        public void reject(boolean requeue) {
          settled.incrementAndGet();
        }
      };
    }
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(2);
    }
    return true;
  }

  @Test
  void holdsAtMostThePrefetchAndAsksAgainOnlyAfterASettle() throws Exception {
    FakeQueue q = new FakeQueue(0, 0, 10);
    List<Delivery> held = new CopyOnWriteArrayList<>();
    try (PullLoop loop = PullLoop.start("t", List.of(q), 3, true, held::add, line -> { })) {
      assertTrue(await(() -> held.size() == 3));
      int gets = q.gets.get();
      Thread.sleep(100);
      assertEquals(3, held.size());
      assertEquals(gets, q.gets.get(), "no get while the prefetch is held");
      held.get(0).ack();
      held.get(0).ack(); // a second settle of the same delivery frees nothing
      assertTrue(await(() -> held.size() == 4));
      Thread.sleep(50);
      assertEquals(4, held.size());
      assertEquals(1, q.settled.get());
      for (int i = 1; i < 10; i++) {
        int at = i;
        assertTrue(await(() -> held.size() > at));
        held.get(i).reject(false);
      }
      assertEquals(3, loop.mostUnacknowledged());
    }
  }

  @Test
  void asksEveryQueueInTurnAndBacksOffWhenAllAreEmpty() throws Exception {
    FakeQueue a = new FakeQueue(0, 0, 5);
    FakeQueue b = new FakeQueue(1, 100, 5);
    List<Integer> partitions = Collections.synchronizedList(new ArrayList<>());
    try (PullLoop loop = PullLoop.start("t", List.of(a, b), 1, false, d -> partitions.add(d.partition()), l -> { })) {
      assertTrue(await(() -> partitions.size() == 10));
      assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), partitions);
      int gets = a.gets.get() + b.gets.get();
      Thread.sleep(200);
      int idleGets = a.gets.get() + b.gets.get() - gets;
      // At most one round per 50 µs to 1 ms back-off: far fewer than a spinning loop would make.
      assertTrue(idleGets < 1000, idleGets + " gets in 200 ms while empty");
      assertEquals(0, loop.mostUnacknowledged(), "auto-ack deliveries are settled when taken");
    }
  }

  @Test
  void afterCloseTheListenerIsNotCalledAndAThrowingListenerDoesNotStopTheLoop() throws Exception {
    FakeQueue q = new FakeQueue(0, 0, 5);
    AtomicInteger calls = new AtomicInteger();
    List<String> log = new CopyOnWriteArrayList<>();
    PullLoop loop = PullLoop.start("t", List.of(q), 10, false, d -> {
      calls.incrementAndGet();
      throw new IllegalStateException("boom");
    }, log::add);
    assertTrue(await(() -> calls.get() == 5));
    assertEquals(1, log.size(), log.toString());
    loop.close();
    loop.close();
    for (int i = 0; i < 5; i++) q.ready.add(50 + i);
    Thread.sleep(50);
    assertEquals(5, calls.get());
  }

  @Test
  void aFailingSourceEndsTheLoopWithOneLine() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    PullLoop.Source broken = () -> {
      throw new java.io.IOException("channel closed");
    };
    try (PullLoop loop = PullLoop.start("t", List.of(broken), 1, true, d -> { }, log::add)) {
      assertTrue(await(() -> !log.isEmpty()));
      Thread.sleep(20);
      assertEquals(1, log.size());
      assertTrue(log.get(0).contains("channel closed"), log.get(0));
    }
  }
}
