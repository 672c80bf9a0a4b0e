package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import io.brokerbench.commons.Murmur2;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProducerConsumerTest {
  private final InMemoryStorage storage = new InMemoryStorage();
  private LogEngine engine;

  private LogEngine open(LogConfig config) throws Exception {
    engine = LogEngine.open(DIR, config, storage, Time.SYSTEM);
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) engine.close();
  }

  @Test
  void sendsKeyedRecordsToTheirKeysPartitionAndKeepsPerKeyOrder() throws Exception {
    open(TestLogs.smallSegments(64 << 10));
    engine.createTopic("orders", 6);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withLinger(Duration.ZERO).withBatchBytes(512));
    Map<String, Integer> partitionOf = new HashMap<>();
    CountDownLatch acked = new CountDownLatch(600);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 600; i++) {
      String key = "key-" + (i % 20);
      producer.send("orders", -1, bytes(key), bytes(key + ":" + i), List.of(), i, (tp, offset, error) -> {
        if (error != null) errors.add(error);
        partitionOf.merge(key, tp.partition(), (a, b) -> a.equals(b) ? a : -1);
        acked.countDown();
      });
    }
    assertTrue(acked.await(10, TimeUnit.SECONDS));
    assertTrue(errors.isEmpty(), errors.toString());
    partitionOf.forEach((key, p) -> assertEquals(Murmur2.partitionForKey(bytes(key), 6), p, key));

    LogConsumer consumer = engine.consumer(ConsumerConfig.defaults("g"));
    consumer.subscribe(Set.of("orders"));
    Map<String, Integer> lastSeq = new HashMap<>();
    int received = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received < 600 && System.nanoTime() < deadline) {
      for (ConsumerRecord r : consumer.poll(Duration.ofMillis(200))) {
        String[] parts = new String(r.record().value()).split(":");
        int seq = Integer.parseInt(parts[1]);
        Integer prev = lastSeq.put(parts[0], seq);
        assertTrue(prev == null || prev < seq, "per-key order for " + parts[0] + ": " + prev + " then " + seq);
        received++;
      }
    }
    assertEquals(600, received);
  }

  @Test
  void recordsWithoutKeyStickToOnePartitionForAWholeBatch() throws Exception {
    open(TestLogs.smallSegments(64 << 10));
    engine.createTopic("logs", 4);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withLinger(Duration.ofSeconds(30)).withBatchBytes(1024));
    List<Integer> partitions = new ArrayList<>();
    CountDownLatch acked = new CountDownLatch(40);
    for (int i = 0; i < 40; i++) {
      producer.send("logs", -1, null, new byte[100], List.of(), i, (tp, offset, error) -> {
        synchronized (partitions) {
          partitions.add(tp.partition());
        }
        acked.countDown();
      });
    }
    assertTrue(producer.flush(10_000));
    assertTrue(acked.await(1, TimeUnit.SECONDS));
    // 1 KiB batches hold 7 records of 129 bytes: runs of equal partitions, at least 7 long but the last.
    int run = 1;
    List<Integer> runs = new ArrayList<>();
    for (int i = 1; i < partitions.size(); i++) {
      if (partitions.get(i).equals(partitions.get(i - 1))) {
        run++;
      } else {
        runs.add(run);
        run = 1;
      }
    }
    for (int r : runs) assertTrue(r >= 7, "runs " + runs + " of " + partitions);
  }

  @Test
  void sealsBatchesBySizeAndSendsAPartialBatchAfterTheLinger() throws Exception {
    open(TestLogs.smallSegments(64 << 10));
    engine.createTopic("t", 1);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withLinger(Duration.ofSeconds(1)).withBatchBytes(1024));
    CompletableFuture<Long> last = new CompletableFuture<>();
    for (int i = 0; i < 15; i++) {
      int n = i;
      producer.send("t", 0, null, new byte[100], List.of(), i, (tp, offset, error) -> {
        if (n == 14) last.complete(offset);
      });
    }
    assertEquals(14L, last.get(5, TimeUnit.SECONDS), "the partial batch went out after the linger, without a flush");
    PartitionLog log = engine.partition(new TopicPartition("t", 0));
    ByteBuffer buf = log.read(0, 1 << 20, null, null);
    List<Integer> counts = new ArrayList<>();
    for (int p = 0; p < buf.limit(); p += RecordBatch.sizeAt(buf, p)) counts.add(RecordBatch.recordCount(buf, p));
    assertEquals(List.of(7, 7, 1), counts, "two full 1 KiB batches, then the lingering one");
  }

  @Test
  void sendsALoneRecordOnceItsLingerPassesEvenWhenTheSenderWasIdle() throws Exception {
    open(TestLogs.smallSegments(64 << 10));
    engine.createTopic("t", 1);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withLinger(Duration.ofMillis(20)));
    Thread.sleep(50); // the sender is now waiting with nothing to do
    CompletableFuture<Long> acked = new CompletableFuture<>();
    producer.send("t", 0, null, bytes("alone"), List.of(), 1, (tp, offset, error) -> acked.complete(offset));
    assertEquals(0L, acked.get(5, TimeUnit.SECONDS), "sent after the linger without a flush or more records");
  }

  @Test
  void retriesABatchWhoseForceFailedWithoutAppendingItTwice() throws Exception {
    open(TestLogs.smallSegments(64 << 10).withFsync(FsyncPolicy.always()));
    engine.createTopic("t", 1);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withAcks(Acks.AFTER_FSYNC).withLinger(Duration.ZERO).withRetries(3));
    storage.failNextForces(1);
    CompletableFuture<Long> acked = new CompletableFuture<>();
    producer.send("t", 0, null, bytes("once"), List.of(), 1, (tp, offset, error) -> {
      if (error != null) acked.completeExceptionally(error);
      else acked.complete(offset);
    });
    assertEquals(0L, acked.get(5, TimeUnit.SECONDS));
    PartitionLog log = engine.partition(new TopicPartition("t", 0));
    assertEquals(1, log.endOffset(), "the retried batch was recognised, not appended again");
    assertEquals(1, log.flushedOffset(), "and it is durable");
  }

  @Test
  void acknowledgesRecordsWaitingForAnIntervalFsyncWhenACleanCloseForcesThem() throws Exception {
    open(TestLogs.smallSegments(64 << 10).withFsync(FsyncPolicy.interval(Duration.ofHours(1))));
    engine.createTopic("t", 1);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withAcks(Acks.AFTER_FSYNC).withLinger(Duration.ZERO));
    CompletableFuture<Long> acked = new CompletableFuture<>();
    producer.send("t", 0, null, bytes("x"), List.of(), 1, (tp, offset, error) -> {
      if (error != null) acked.completeExceptionally(error);
      else acked.complete(offset);
    });
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (engine.partition(new TopicPartition("t", 0)).endOffset() < 1 && System.nanoTime() < deadline) Thread.sleep(1);
    assertNull(acked.getNow(null), "not acknowledged before any fsync");
    engine.close();
    assertEquals(0L, acked.get(5, TimeUnit.SECONDS), "the close forced it, so it is acknowledged");
  }

  @Test
  void longPollWaitsForDataAndReturnsWhenItArrives() throws Exception {
    open(TestLogs.smallSegments(64 << 10));
    engine.createTopic("t", 2);
    LogConsumer consumer = engine.consumer(ConsumerConfig.defaults("g"));
    consumer.subscribe(Set.of("t"));
    assertTrue(consumer.poll(Duration.ofMillis(50)).isEmpty(), "nothing yet: the poll times out empty");
    CompletableFuture<List<ConsumerRecord>> polled = CompletableFuture.supplyAsync(() -> consumer.poll(Duration.ofSeconds(30)));
    Thread.sleep(100);
    assertNull(polled.getNow(null), "still waiting");
    engine.partition(new TopicPartition("t", 1)).append(TestLogs.batch(List.of(LogRecord.of(null, bytes("hello"), 5))));
    List<ConsumerRecord> got = polled.get(10, TimeUnit.SECONDS);
    assertEquals(1, got.size());
    assertEquals("hello", new String(got.get(0).record().value()));
  }

  @Test
  void seeksToBeginningEndOffsetAndTimestamp() throws Exception {
    open(TestLogs.smallSegments(4096));
    engine.createTopic("t", 1);
    TopicPartition tp = new TopicPartition("t", 0);
    for (int i = 0; i < 50; i++) engine.partition(tp).append(TestLogs.batch(List.of(LogRecord.of(null, bytes("v" + i), 1000L + i))));
    LogConsumer consumer = engine.consumer(ConsumerConfig.defaults(null));
    consumer.assign(List.of(tp));
    consumer.seekToEnd(List.of(tp));
    assertEquals(50, consumer.position(tp));
    consumer.seek(tp, 42);
    assertEquals(42, consumer.poll(Duration.ofSeconds(1)).get(0).offset());
    consumer.seekToTimestamp(tp, 1010);
    assertEquals(10, consumer.poll(Duration.ofSeconds(1)).get(0).offset());
    consumer.seekToBeginning(List.of(tp));
    assertEquals(0, consumer.poll(Duration.ofSeconds(1)).get(0).offset());
  }
}
