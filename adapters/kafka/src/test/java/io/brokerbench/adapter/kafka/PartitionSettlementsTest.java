package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionSettlementsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);

  @Test
  void commitPointStopsAtTheFirstUnsettledDelivery() {
    PartitionSettlements s = new PartitionSettlements();
    for (long o = 10; o < 14; o++) s.delivered(P0, o);
    s.settle(P0, 10);
    s.settle(P0, 12);
    s.settle(P0, 13);
    assertEquals(Map.of(P0, new OffsetAndMetadata(11)), s.takeCommittable());
    assertEquals(1, s.unsettled());
    s.settle(P0, 11);
    assertEquals(Map.of(P0, new OffsetAndMetadata(14)), s.takeCommittable());
    assertEquals(0, s.unsettled());
    assertTrue(s.takeCommittable().isEmpty(), "taken once");
  }

  @Test
  void rewindForgetsLaterDeliveriesAndAsksForASeek() {
    PartitionSettlements s = new PartitionSettlements();
    for (long o = 0; o < 5; o++) s.delivered(P0, o);
    s.settle(P0, 0);
    s.rewind(P0, 2);
    assertEquals(Map.of(P0, 2L), s.takeRewinds());
    assertEquals(1, s.unsettled(), "offset 1 is still unsettled; 2..4 will be delivered again");
    s.settle(P0, 3);
    assertEquals(Map.of(P0, new OffsetAndMetadata(1)), s.takeCommittable(), "settling a rewound offset does nothing");
  }

  @Test
  void aFailedCommitIsCarriedByTheNextUnlessTheCommitPointMovedOn() {
    PartitionSettlements s = new PartitionSettlements();
    TopicPartition p1 = new TopicPartition("t", 1);
    s.delivered(P0, 0);
    s.delivered(P0, 1);
    s.delivered(p1, 0);
    s.delivered(p1, 1);
    s.settle(P0, 0);
    s.settle(p1, 0);
    Map<TopicPartition, OffsetAndMetadata> failed = s.takeCommittable();
    s.settle(p1, 1);
    s.restoreCommittable(failed);
    assertEquals(Map.of(P0, new OffsetAndMetadata(1), p1, new OffsetAndMetadata(2)), s.takeCommittable());
  }

  @Test
  void settlingTwiceOrAfterForgetDoesNothing() {
    PartitionSettlements s = new PartitionSettlements();
    s.delivered(P0, 0);
    s.delivered(P0, 1);
    s.forget(P0);
    assertEquals(0, s.unsettled());
    s.settle(P0, 0);
    assertTrue(s.takeCommittable().isEmpty());
  }
}
