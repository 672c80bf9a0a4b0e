package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.ShareAcknowledgements.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The hand-off of share-group settlements to the poll thread, and the delivery's acknowledge types. */
class ShareAcknowledgementsTest {
  private static ConsumerRecord<byte[], byte[]> record(long offset) {
    return new ConsumerRecord<>("bb-r1-d0", 0, offset, new byte[0], new byte[] {(byte) offset});
  }

  @Test
  void settlementsMadeOnOtherThreadsReachTheTakerInOrderAndLowerTheUnsettledCount() throws Exception {
    ShareAcknowledgements<Long> acks = new ShareAcknowledgements<>();
    for (int i = 0; i < 3; i++) acks.delivered();
    assertEquals(3, acks.unsettled());

    Thread settler = new Thread(() -> {
      acks.settle(0L, AcknowledgeType.ACCEPT);
      acks.settle(1L, AcknowledgeType.RELEASE);
    });
    settler.start();
    settler.join();
    assertEquals(3, acks.unsettled(), "a settlement counts only once the poll thread has taken it");

    assertEquals(List.of(new Settlement<>(0L, AcknowledgeType.ACCEPT), new Settlement<>(1L, AcknowledgeType.RELEASE)),
        acks.take(0));
    assertEquals(1, acks.unsettled());
    assertEquals(List.of(), acks.take(0), "taken settlements are not taken again");
  }

  @Test
  void takeWaitsForTheFirstSettlementUpToItsTimeout() throws Exception {
    ShareAcknowledgements<Long> acks = new ShareAcknowledgements<>();
    acks.delivered();
    long started = System.nanoTime();
    assertEquals(List.of(), acks.take(TimeUnit.MILLISECONDS.toNanos(50)));
    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(50), "waited the timeout");

    Thread settler = new Thread(() -> {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      acks.settle(7L, AcknowledgeType.REJECT);
    });
    settler.start();
    List<Settlement<Long>> taken = new ArrayList<>(acks.take(TimeUnit.SECONDS.toNanos(10)));
    settler.join();
    assertEquals(List.of(new Settlement<>(7L, AcknowledgeType.REJECT)), taken);
    assertEquals(0, acks.unsettled());
  }

  @Test
  void aSettlementIsAcceptReleaseOrReject() {
    assertThrows(IllegalArgumentException.class, () -> new Settlement<>(1L, AcknowledgeType.RENEW));
    assertThrows(IllegalArgumentException.class, () -> new Settlement<>(null, AcknowledgeType.ACCEPT));
  }

  @Test
  void ackAcceptsRequeueingRejectReleasesAndPlainRejectRejectsOnlyTheFirstTime() throws Exception {
    ShareAcknowledgements<ConsumerRecord<byte[], byte[]>> acks = new ShareAcknowledgements<>();
    List<ConsumerRecord<byte[], byte[]>> records = List.of(record(0), record(1), record(2));
    List<KafkaShareDelivery> deliveries = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      acks.delivered();
      deliveries.add(new KafkaShareDelivery(r, 0, acks));
    }
    deliveries.get(0).ack();
    deliveries.get(1).reject(true);
    deliveries.get(2).reject(false);
    for (KafkaShareDelivery d : deliveries) {
      d.ack();
      d.reject(true);
    }
    assertEquals(List.of(new Settlement<>(records.get(0), AcknowledgeType.ACCEPT),
        new Settlement<>(records.get(1), AcknowledgeType.RELEASE),
        new Settlement<>(records.get(2), AcknowledgeType.REJECT)), acks.take(0));
    assertEquals(0, acks.unsettled());
  }

  @Test
  void withAutomaticAcknowledgementSettlingDoesNothing() {
    KafkaShareDelivery delivery = new KafkaShareDelivery(record(0), 0, null);
    delivery.ack();
    delivery.reject(false);
  }

  @Test
  void aRecordIsRedeliveredWhenItsDeliveryCountIsAboveOne() {
    assertEquals(false, KafkaShareDelivery.redelivered(record(0)), "no delivery count: a first delivery");
    assertEquals(false, KafkaShareDelivery.redelivered(withDeliveryCount((short) 1)));
    assertEquals(true, KafkaShareDelivery.redelivered(withDeliveryCount((short) 2)));
  }

  private static ConsumerRecord<byte[], byte[]> withDeliveryCount(short count) {
    return new ConsumerRecord<>("bb-r1-d0", 0, 5L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 1,
        new byte[0], new byte[] {1}, new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty(),
        java.util.Optional.of(count));
  }
}
