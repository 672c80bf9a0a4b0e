package io.brokerbench.adapter.builtin.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogShareConsumerTest {

  @Test
  void pollsTheBulkBatchWhileItFitsThenOneRecordAtATimeUpToThePrefetch() {
    assertEquals(3, LogShareConsumer.pollSize(0, 5, 3));
    assertEquals(3, LogShareConsumer.pollSize(2, 5, 3));
    assertEquals(1, LogShareConsumer.pollSize(3, 5, 3));
    assertEquals(1, LogShareConsumer.pollSize(4, 5, 3));
    assertEquals(0, LogShareConsumer.pollSize(5, 5, 3));
  }

  @Test
  void neverPollsPastThePrefetchAndAlwaysReachesIt() {
    for (int prefetch = 1; prefetch <= 40; prefetch++) {
      for (int maxPoll = 1; maxPoll <= 50; maxPoll++) {
        int bulk = LogShareConsumer.bulkSize(maxPoll, prefetch, true);
        int held = 0;
        int size;
        // the worst case: every poll is filled, nothing is acknowledged
        while ((size = LogShareConsumer.pollSize(held, prefetch, bulk)) > 0) held += size;
        assertEquals(prefetch, held, "prefetch " + prefetch + ", max-poll-records " + maxPoll);
      }
    }
  }

  @Test
  void boundsTheBulkBatchByThePrefetchOnlyWithManualAcks() {
    assertEquals(5, LogShareConsumer.bulkSize(500, 5, true));
    assertEquals(2, LogShareConsumer.bulkSize(2, 5, true));
    assertEquals(500, LogShareConsumer.bulkSize(500, 5, false));
    assertTrue(LogShareConsumer.bulkSize(1, 1, true) == 1);
  }
}
