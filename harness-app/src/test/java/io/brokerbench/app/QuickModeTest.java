package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.testing.TestWorkloads;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuickModeTest {
  @Test
  void shorteningKeepsEverythingButTheTimingIncludingTheDescription() {
    Workload w = TestWorkloads.keyed(1_000_000, 2, 1, 4, 1);
    Workload described = new Workload(w.name(), "orders by customer, 4 keys", w.topology(), w.producers(), w.messages(),
        w.consumers(), Timing.ofCount(Duration.ofSeconds(30), w.timing().count(), Duration.ofSeconds(60)), w.source());
    Workload quick = QuickMode.shorten(described);
    assertEquals("orders by customer, 4 keys", quick.description());
    assertEquals(QuickMode.MAX_COUNT, quick.timing().count());
    assertEquals(QuickMode.MAX_WARMUP, quick.timing().warmup());
    assertEquals(QuickMode.MAX_DRAIN, quick.timing().drainTimeout());
    assertEquals(described.topology(), quick.topology());
  }
}
