package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Power loss through the storage double: after {@link LogEngine#crash()} and {@link
 * InMemoryStorage#powerLoss()}, only forced bytes remain.
 */
class PowerLossTest {

  /** Acknowledged records by (partition, offset) → the value sent. */
  private record Outcome(Map<String, String> acknowledged, int lost) {}

  private Outcome produceThenLosePower(LogConfig config, Acks acks) throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    LogEngine engine = LogEngine.open(DIR, config, storage, Time.SYSTEM);
    engine.createTopic("t", 3);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withAcks(acks).withLinger(Duration.ZERO).withBatchBytes(2048));
    Map<String, String> acked = new ConcurrentHashMap<>();
    for (int i = 0; i < 3000; i++) {
      String value = "record-" + i;
      producer.send("t", -1, ("key-" + (i % 17)).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
          List.of(), i, (tp, offset, error) -> {
            if (error == null) acked.put(tp.partition() + "@" + offset, value);
          });
      if (i == 2000) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (acked.size() < 1000 && System.nanoTime() < deadline) Thread.sleep(1);
      }
    }
    engine.crash();
    storage.powerLoss();
    Map<String, String> snapshot = Map.copyOf(acked);
    assertTrue(snapshot.size() >= 1000, "enough was acknowledged to make the test meaningful: " + snapshot.size());

    LogEngine recovered = LogEngine.open(DIR, config, storage, Time.SYSTEM);
    try {
      int lost = 0;
      for (int p = 0; p < 3; p++) {
        PartitionLog log = recovered.partition(new TopicPartition("t", p));
        List<ConsumerRecord> records = TestLogs.readAll(log, 0);
        for (int i = 0; i < records.size(); i++) assertEquals(i, records.get(i).offset(), "dense offsets after recovery");
        for (Map.Entry<String, String> e : snapshot.entrySet()) {
          String[] at = e.getKey().split("@");
          if (Integer.parseInt(at[0]) != p) continue;
          int offset = Integer.parseInt(at[1]);
          if (offset >= records.size()) {
            lost++;
          } else {
            assertEquals(e.getValue(), new String(records.get(offset).record().value(), StandardCharsets.UTF_8),
                "no acknowledged offset holds another record");
          }
        }
      }
      return new Outcome(snapshot, lost);
    } finally {
      recovered.close();
    }
  }

  @Test
  void losesNothingAcknowledgedAfterFsyncAlways() throws Exception {
    Outcome o = produceThenLosePower(TestLogs.smallSegments(16 << 10).withFsync(FsyncPolicy.always()), Acks.AFTER_FSYNC);
    assertEquals(0, o.lost(), "acknowledged records lost");
  }

  @Test
  void losesNothingAcknowledgedAfterAnIntervalFsync() throws Exception {
    Outcome o = produceThenLosePower(TestLogs.smallSegments(16 << 10).withFsync(FsyncPolicy.interval(Duration.ofMillis(2))),
        Acks.AFTER_FSYNC);
    assertEquals(0, o.lost(), "acknowledged records lost");
  }

  @Test
  void negativeControlLosesAcknowledgedRecordsWhenAckedAfterWriteWithoutFsync() throws Exception {
    Outcome o = produceThenLosePower(TestLogs.smallSegments(16 << 10).withFsync(FsyncPolicy.never()), Acks.AFTER_WRITE);
    assertTrue(o.lost() > 0, "acknowledged but never forced records must be lost in a power loss; lost " + o.lost());
  }
}
