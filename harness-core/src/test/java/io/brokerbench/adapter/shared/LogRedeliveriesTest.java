package io.brokerbench.adapter.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogRedeliveriesTest {
  @Test
  void aRecordAtOrBelowTheHighestOffsetDeliveredInItsGroupIsARedelivery() {
    LogRedeliveries r = new LogRedeliveries();
    AtomicLong g1 = r.highestDelivered("g1", "t", 0);
    assertFalse(LogRedeliveries.markDelivered(g1, 0));
    assertFalse(LogRedeliveries.markDelivered(g1, 1));
    assertTrue(LogRedeliveries.markDelivered(r.highestDelivered("g1", "t", 0), 1), "same group, same offset");
    assertTrue(LogRedeliveries.markDelivered(g1, 0), "below the highest");
    assertFalse(LogRedeliveries.markDelivered(g1, 5), "a gap is not a redelivery");
  }

  @Test
  void groupsTopicsAndPartitionsAreIndependent() {
    LogRedeliveries r = new LogRedeliveries();
    LogRedeliveries.markDelivered(r.highestDelivered("g1", "t", 0), 7);
    assertFalse(LogRedeliveries.markDelivered(r.highestDelivered("g2", "t", 0), 7));
    assertFalse(LogRedeliveries.markDelivered(r.highestDelivered("g1", "u", 0), 7));
    assertFalse(LogRedeliveries.markDelivered(r.highestDelivered("g1", "t", 1), 7));
    assertSame(r.highestDelivered("g1", "t", 0), r.highestDelivered("g1", "t", 0));
  }
}
