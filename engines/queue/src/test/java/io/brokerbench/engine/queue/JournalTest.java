package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.engine.queue.storage.InMemoryStorage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JournalTest {

  @Test
  void confirmsRegisteredOutOfPositionOrderAllComplete() throws Exception {
    Journal journal = new Journal(new InMemoryStorage(), FsyncPolicy.always(), 1 << 20, 0, 0, Map.of());
    try {
      long[] ends = new long[3];
      for (int i = 0; i < 3; i++) {
        QueuedMessage m = new QueuedMessage(new Message("", "q", Map.of(), true, -1, new byte[10]), i, QueuedMessage.NO_EXPIRY);
        ends[i] = journal.appendEnqueue(1, m);
      }
      CompletableFuture<Void> last = journal.whenConfirmed(ends[2]);
      CompletableFuture<Void> first = journal.whenConfirmed(ends[0]);
      CompletableFuture<Void> middle = journal.whenConfirmed(ends[1]);
      CompletableFuture.allOf(last, first, middle).get(5, TimeUnit.SECONDS);
      assertTrue(journal.stats().fsyncs() >= 1);
    } finally {
      journal.close();
    }
  }
}
