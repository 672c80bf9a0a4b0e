package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.Delivery;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockShareConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The share-group poll loop against a fake share consumer that enforces explicit acknowledgement as Kafka does. */
class KafkaShareTargetConsumerTest {
  private static final String TOPIC = "bb-r1-d0";

  private final KafkaTopology topology = new KafkaTopology(KafkaTopologyTest.plan(Routing.FANOUT, 1, 1,
      List.of(Binding.ofKeys(List.of())), 1, List.of("")));
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** One acknowledgement as the client got it, with the thread that called it. */
  record Acknowledged(long offset, AcknowledgeType type, String thread) {}

  /**
   * Hands out queued records, at most {@code maxPollRecords} per poll, refuses a poll while a record
   * of the last one is unacknowledged (as KafkaShareConsumer does with explicit acknowledgement),
   * and records every acknowledgement.
   */
  static final class FakeShareConsumer extends MockShareConsumer<byte[], byte[]> {
    final ArrayDeque<ConsumerRecord<byte[], byte[]>> available = new ArrayDeque<>();
    final Set<Long> outstanding = new HashSet<>();
    final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    final int maxPollRecords;
    volatile int commits;
    volatile int pollsWithRecords;
    volatile boolean closed;

    FakeShareConsumer(int maxPollRecords, long records) {
      this.maxPollRecords = maxPollRecords;
      for (long o = 0; o < records; o++) available.add(new ConsumerRecord<>(TOPIC, 0, o, new byte[] {1}, new byte[] {(byte) o}));
    }

    @Override
    public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
      if (!outstanding.isEmpty()) throw new IllegalStateException("unacknowledged records of the last poll: " + outstanding);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      while (out.size() < maxPollRecords && !available.isEmpty()) out.add(available.poll());
      out.forEach(r -> outstanding.add(r.offset()));
      if (!out.isEmpty()) pollsWithRecords++;
      if (out.isEmpty()) {
        try {
          wait(Math.min(timeout.toMillis(), 20));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new ConsumerRecords<>(out.isEmpty() ? Map.of() : Map.of(new TopicPartition(TOPIC, 0), out));
    }

    @Override
    public synchronized void acknowledge(ConsumerRecord<byte[], byte[]> record, AcknowledgeType type) {
      if (!outstanding.remove(record.offset())) throw new IllegalStateException("not awaiting acknowledgement: " + record.offset());
      acknowledged.add(new Acknowledged(record.offset(), type, Thread.currentThread().getName()));
    }

    @Override
    public synchronized void commitAsync() {
      commits++;
    }

    @Override
    public synchronized void close(Duration timeout) {
      closed = true;
    }
  }

  private KafkaShareTargetConsumer start(FakeShareConsumer client, List<Delivery> received, AckMode ackMode, int prefetch) {
    return start(client, received, ackMode, prefetch, "auto");
  }

  private KafkaShareTargetConsumer start(FakeShareConsumer client, List<Delivery> received, AckMode ackMode, int prefetch,
      String commit) {
    return new KafkaShareTargetConsumer(client, topology, "g", 0, List.of(TOPIC), received::add, ackMode, prefetch,
        KafkaTargetSettingsTest.parse(Map.of("consumer.poll-timeout", "20ms", "consumer.commit", commit)), log::add);
  }

  @Test
  void holdsAtMostThePrefetchAndAppliesSettlementsMadeOnOtherThreadsOnThePollThread() throws Exception {
    FakeShareConsumer client = new FakeShareConsumer(4, 10);
    List<Delivery> received = new CopyOnWriteArrayList<>();
    KafkaShareTargetConsumer consumer = start(client, received, AckMode.MANUAL, 4, "async");
    await(() -> received.size() >= 4, "the prefetch");
    Thread.sleep(100);
    assertEquals(4, received.size(), "nothing beyond the prefetch while nothing is settled");

    int settled = 0;
    while (settled < 10) {
      int upTo = received.size();
      for (int i = settled; i < upTo; i++) {
        Delivery d = received.get(i);
        switch (i % 3) {
          case 0 -> d.ack();
          case 1 -> d.reject(true);
          default -> d.reject(false);
        }
      }
      settled = upTo;
      if (settled < 10) {
        int before = settled;
        await(() -> received.size() > before, "deliveries after settling");
      }
    }
    await(() -> client.acknowledged.size() == 10, "every settlement applied");
    consumer.close();

    assertNull(consumer.failure(), () -> "the loop failed: " + log);
    for (Acknowledged a : client.acknowledged) {
      AcknowledgeType expected = switch ((int) (a.offset() % 3)) {
        case 0 -> AcknowledgeType.ACCEPT;
        case 1 -> AcknowledgeType.RELEASE;
        default -> AcknowledgeType.REJECT;
      };
      assertEquals(expected, a.type(), "record " + a.offset());
      assertEquals("bb-kafka-g-c0", a.thread(), "acknowledged on the poll thread");
    }
    // One commit per poll whose records are all settled, not one per record (10 here).
    assertTrue(client.commits > 0 && client.commits <= client.pollsWithRecords,
        client.commits + " commits for " + client.pollsWithRecords + " polls with records");
    assertTrue(client.closed);
  }

  @Test
  void automaticAcknowledgementAcceptsEachRecordAfterTheListener() throws Exception {
    FakeShareConsumer client = new FakeShareConsumer(3, 7);
    List<Delivery> received = new CopyOnWriteArrayList<>();
    KafkaShareTargetConsumer consumer = start(client, received, AckMode.AUTO, 3);
    await(() -> client.acknowledged.size() == 7, "every record accepted");
    consumer.close();
    assertNull(consumer.failure(), () -> "the loop failed: " + log);
    assertEquals(7, received.size());
    assertTrue(client.acknowledged.stream().allMatch(a -> a.type() == AcknowledgeType.ACCEPT), client.acknowledged::toString);
  }

  @Test
  void closingWithUnsettledDeliveriesClosesTheClientAndIgnoresLaterSettlements() throws Exception {
    FakeShareConsumer client = new FakeShareConsumer(5, 5);
    List<Delivery> received = new CopyOnWriteArrayList<>();
    KafkaShareTargetConsumer consumer = start(client, received, AckMode.MANUAL, 5);
    await(() -> received.size() == 5, "the prefetch");
    consumer.close();
    assertTrue(client.closed, "closing the client releases what it holds");
    received.get(0).ack();
    assertEquals(List.of(), client.acknowledged);
    assertNull(consumer.failure(), () -> "the loop failed: " + log);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(5);
    }
  }
}
