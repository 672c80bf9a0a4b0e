package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishers, consumers that hold up to their prefetch then settle (ack, or requeue one in ten)
 * and a consumer that closes midway, all at once: every message is acknowledged exactly once,
 * the redelivered flag is false exactly on first deliveries, no consumer holds more than its prefetch.
 */
class ConcurrencyTest {
  private static final int PUBLISHERS = 4;
  private static final int PER_PUBLISHER = 5_000;
  private static final int PREFETCH = 5;

  @ParameterizedTest(name = "durable={0}")
  @ValueSource(booleans = {false, true})
  void concurrentPublishConsumeRequeueAndCloseLoseAndDuplicateNothing(boolean durable) throws Exception {
    EngineConfig config = durable ? EngineConfig.withStorage(new InMemoryStorage(), MemoryDirectory.DIR, FsyncPolicy.always()) : EngineConfig.inMemory();
    try (QueueEngine engine = QueueEngine.open(config)) {
      engine.declareQueue("q", durable ? QueueOptions.durableQueue() : QueueOptions.transientQueue());
      int total = PUBLISHERS * PER_PUBLISHER;
      ConcurrentHashMap<Long, AtomicInteger> acks = new ConcurrentHashMap<>();
      ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
      AtomicLong flagErrors = new AtomicLong();
      AtomicLong prefetchErrors = new AtomicLong();
      AtomicLong acked = new AtomicLong();
      List<Consumer> consumers = new ArrayList<>();
      List<Thread> settlers = new ArrayList<>();
      List<java.util.concurrent.atomic.AtomicBoolean> running = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        java.util.concurrent.LinkedBlockingQueue<Delivery> held = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicInteger outstanding = new AtomicInteger();
        consumers.add(engine.openSession(0).consume("q", ConsumerOptions.manualAck(PREFETCH), d -> {
          long id = ByteBuffer.wrap(d.body()).getLong();
          boolean first = seen.putIfAbsent(id, Boolean.TRUE) == null;
          if (first == d.redelivered()) flagErrors.incrementAndGet();
          if (outstanding.incrementAndGet() > PREFETCH) prefetchErrors.incrementAndGet();
          held.add(d);
        }));
        // settles what the consumer holds once it holds its prefetch, or after 1 ms: ack, or requeue one in ten
        java.util.concurrent.atomic.AtomicBoolean run = new java.util.concurrent.atomic.AtomicBoolean(true);
        running.add(run);
        long seed = c;
        Thread settler = new Thread(() -> {
          long n = seed;
          List<Delivery> batch = new ArrayList<>();
          while (run.get()) {
            try {
              Delivery d = held.poll(1, TimeUnit.MILLISECONDS);
              if (d != null) batch.add(d);
              if (d != null && batch.size() < PREFETCH) continue;
            } catch (InterruptedException e) {
              return;
            }
            for (Delivery d : batch) {
              if (!run.get()) return;
              outstanding.decrementAndGet();
              if (++n % 10 == 0) {
                d.reject(true);
              } else {
                d.ack();
                acks.computeIfAbsent(ByteBuffer.wrap(d.body()).getLong(), k -> new AtomicInteger()).incrementAndGet();
                acked.incrementAndGet();
              }
            }
            batch.clear();
          }
        });
        settler.start();
        settlers.add(settler);
      }
      List<Thread> publishers = new ArrayList<>();
      List<CompletableFuture<Void>> confirms = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int p = 0; p < PUBLISHERS; p++) {
        int pub = p;
        Thread t = new Thread(() -> {
          for (int i = 0; i < PER_PUBLISHER; i++) {
            long id = (long) pub * PER_PUBLISHER + i;
            byte[] body = ByteBuffer.allocate(8).putLong(id).array();
            confirms.add(engine.publish("", "q", durable ? MessageProperties.PERSISTENT : MessageProperties.TRANSIENT, body, false));
          }
        });
        t.start();
        publishers.add(t);
      }
      // one consumer leaves midway: whatever it held goes to the others
      while (acked.get() < total / 3) Thread.sleep(1);
      running.get(0).set(false);
      settlers.get(0).join();
      consumers.get(0).close();
      for (Thread t : publishers) t.join();
      CompletableFuture.allOf(confirms.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acked.get() < total && System.nanoTime() < deadline) Thread.sleep(5);
      running.forEach(r -> r.set(false));
      for (Thread t : settlers) t.join();
      assertEquals(0, flagErrors.get(), "deliveries whose redelivered flag disagrees with first-delivery");
      assertEquals(0, prefetchErrors.get(), "deliveries beyond prefetch");
      assertEquals(total, acks.size(), "distinct messages acknowledged");
      assertTrue(acks.values().stream().allMatch(n -> n.get() == 1), "a message was acknowledged twice");
      QueueStats st = engine.queueStats("q");
      assertEquals(0, st.ready() + st.unacknowledged());
    }
  }
}
