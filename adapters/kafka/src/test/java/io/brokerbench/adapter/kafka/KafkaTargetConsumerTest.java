package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.shared.LogRedeliveries;
import io.brokerbench.adapter.shared.OffsetDelivery;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The poll loop against Kafka's MockConsumer: flags, commits and the prefetch bound without a broker. */
class KafkaTargetConsumerTest {
  private static final String TOPIC = "bb-r1-d0";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  private final KafkaTopology topology = new KafkaTopology(KafkaTopologyTest.plan(Routing.FANOUT, 1, 1,
      List.of(Binding.ofKeys(List.of())), 1, List.of("")));
  private final LogRedeliveries tracker = new LogRedeliveries();
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** A MockConsumer that remembers the last committed offsets, readable after close. */
  static final class RecordingConsumer extends MockConsumer<byte[], byte[]> {
    final Map<TopicPartition, OffsetAndMetadata> committed = new java.util.concurrent.ConcurrentHashMap<>();

    RecordingConsumer() {
      super("earliest");
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      super.commitSync(offsets);
      committed.putAll(offsets);
    }

    @Override
    public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
        org.apache.kafka.clients.consumer.OffsetCommitCallback callback) {
      super.commitAsync(offsets, callback);
      committed.putAll(offsets);
    }
  }

  private KafkaTargetConsumer start(MockConsumer<byte[], byte[]> mock, List<Delivery> received, boolean ackEach,
      AckMode ackMode, int prefetch, Map<String, ?> settings) {
    mock.updateBeginningOffsets(Map.of(P0, 0L));
    return new KafkaTargetConsumer(mock, topology, "g", 0, new KafkaTargetConsumer.Assigned(List.of(P0)), d -> {
      received.add(d);
      if (ackEach) d.ack();
    }, tracker, ackMode, prefetch, KafkaTargetSettingsTest.parse(settings), System::nanoTime, log::add);
  }

  private static void addRecords(MockConsumer<byte[], byte[]> mock, long from, long to) {
    mock.schedulePollTask(() -> {
      for (long o = from; o < to; o++) mock.addRecord(new ConsumerRecord<>(TOPIC, 0, o, new byte[] {1}, new byte[] {(byte) o}));
    });
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  private static List<Long> offsets(List<Delivery> deliveries) {
    List<Long> out = new ArrayList<>();
    for (Delivery d : deliveries) out.add(((OffsetDelivery<?>) d).offset());
    return out;
  }

  @Test
  void recordsAnotherConsumerOfTheGroupDeliveredButDidNotCommitAreFlaggedRedelivered() throws Exception {
    RecordingConsumer first = new RecordingConsumer();
    List<Delivery> firstReceived = new CopyOnWriteArrayList<>();
    KafkaTargetConsumer a = start(first, firstReceived, false, AckMode.MANUAL, 100, Map.of("consumer.commit", "sync"));
    addRecords(first, 0, 5);
    await(() -> firstReceived.size() == 5, "5 deliveries");
    firstReceived.get(0).ack();
    firstReceived.get(1).ack();
    firstReceived.get(3).ack();
    a.close();
    assertTrue(first.closed());
    assertEquals(new OffsetAndMetadata(2), first.committed.get(P0), "commit stops at the unacked offset 2");
    assertTrue(firstReceived.stream().noneMatch(Delivery::redelivered));

    // The next consumer of the group resumes from the committed offset 2.
    RecordingConsumer second = new RecordingConsumer();
    List<Delivery> secondReceived = new CopyOnWriteArrayList<>();
    second.updateBeginningOffsets(Map.of(P0, 2L));
    KafkaTargetConsumer b = new KafkaTargetConsumer(second, topology, "g", 0, new KafkaTargetConsumer.Assigned(List.of(P0)),
        d -> {
          secondReceived.add(d);
          d.ack();
        }, tracker, AckMode.MANUAL, 100, KafkaTargetSettingsTest.parse(Map.of("consumer.commit", "sync")), System::nanoTime,
        log::add);
    addRecords(second, 2, 7);
    await(() -> secondReceived.size() == 5, "5 deliveries");
    b.close();
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), offsets(secondReceived));
    assertEquals(List.of(true, true, true, false, false), secondReceived.stream().map(Delivery::redelivered).toList());
    assertEquals(new OffsetAndMetadata(7), second.committed.get(P0));
    assertEquals(0, secondReceived.get(0).destination());
    assertTrue(log.isEmpty(), log.toString());
  }

  @Test
  void neverHoldsMoreUnsettledDeliveriesThanThePrefetch() throws Exception {
    MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
    List<Delivery> received = new CopyOnWriteArrayList<>();
    KafkaTargetConsumer c = start(mock, received, false, AckMode.MANUAL, 2, Map.of());
    addRecords(mock, 0, 5);
    await(() -> received.size() == 2, "2 deliveries");
    Thread.sleep(200);
    assertEquals(2, received.size(), "the third waits until one is settled");
    received.get(0).ack();
    await(() -> received.size() == 3, "a third delivery after one ack");
    received.get(1).reject(false);
    received.get(2).ack();
    await(() -> received.size() == 5, "the rest");
    c.close();
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), offsets(received));
  }

  @Test
  void automaticAcknowledgementWithSyncCommitsCommitsEverythingDelivered() throws Exception {
    RecordingConsumer mock = new RecordingConsumer();
    List<Delivery> received = new CopyOnWriteArrayList<>();
    KafkaTargetConsumer c = start(mock, received, false, AckMode.AUTO, 10, Map.of("consumer.commit", "sync"));
    addRecords(mock, 0, 25);
    await(() -> received.size() == 25, "25 deliveries");
    await(() -> new OffsetAndMetadata(25).equals(mock.committed.get(P0)), "commit after the batches");
    c.close();
    assertFalse(received.stream().anyMatch(Delivery::redelivered));
  }

  @Test
  void aFailingListenerStopsTheConsumerAndIsReported() throws Exception {
    MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
    mock.updateBeginningOffsets(Map.of(P0, 0L));
    KafkaTargetConsumer c = new KafkaTargetConsumer(mock, topology, "g", 0, new KafkaTargetConsumer.Assigned(List.of(P0)),
        d -> {
          throw new IllegalStateException("listener broke");
        }, tracker, AckMode.AUTO, 10, KafkaTargetSettingsTest.parse(Map.of()), System::nanoTime, log::add);
    addRecords(mock, 0, 1);
    await(() -> c.failure() != null, "the failure");
    c.close();
    assertTrue(mock.closed());
    assertTrue(log.get(0).contains("listener broke"), log.toString());
  }
}
