package io.brokerbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.commons.Murmur2;
import io.brokerbench.plan.AckMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyPlanTest {
  static TopologyPlan plan(int destinations, int partitions, int consumers, int keys) {
    return new TopologyPlan("r1", Routing.DIRECT, destinations, partitions, List.of(Binding.ofKeys(List.of(""))),
        ConsumerPlan.partitioned(consumers, 10, AckMode.MANUAL), keys, List.of(new MessageVariant("", Map.of())));
  }

  @Test
  void queueIsConsumedOnlyByConsumerIndexModuloConsumers() {
    TopologyPlan p = plan(2, 3, 4, 1);
    // Queue index i = d × partitions + p: 0..5 → consumers 0,1,2,3,0,1.
    assertEquals(List.of(new QueueRef(0, 0), new QueueRef(1, 1)), p.queuesOf(0));
    assertEquals(List.of(new QueueRef(0, 1), new QueueRef(1, 2)), p.queuesOf(1));
    assertEquals(List.of(new QueueRef(0, 2)), p.queuesOf(2));
    assertEquals(List.of(new QueueRef(1, 0)), p.queuesOf(3));
  }

  @Test
  void extraConsumersIdle() {
    assertEquals(List.of(), plan(1, 2, 3, 1).queuesOf(2));
  }

  @Test
  void everyQueueHasExactlyOneConsumer() {
    TopologyPlan p = plan(3, 5, 4, 1);
    List<QueueRef> all = new ArrayList<>();
    for (int c = 0; c < 4; c++) all.addAll(p.queuesOf(c));
    assertEquals(15, all.size());
    assertEquals(15, all.stream().distinct().count());
  }

  @Test
  void keysGoToKafkasPartitionAndToDestinationKeyModuloDestinations() {
    TopologyPlan p = plan(2, 7, 1, 10);
    for (int k = 0; k < 10; k++) {
      assertEquals(Murmur2.toPositive(Murmur2.hash(("key-" + k).getBytes())) % 7, p.partitionOfKey(k));
      assertEquals(k % 2, p.destinationOfKey(k));
    }
  }

  @Test
  void namesCarryTheRunId() {
    TopologyPlan p = plan(1, 2, 1, 1);
    assertEquals("bb-r1-d0-p1", p.exchangeName(0, 1));
    assertEquals("bb-r1-s0-d0-p1", p.queueName(0, 0, 1));
    assertEquals("bb-r1-d0", p.topicName(0));
    assertEquals("bb-r1-d0.orders.eu", p.topicName(0, "orders.eu"));
    assertEquals("bb-r1-s3", p.groupName(3));
  }
}
