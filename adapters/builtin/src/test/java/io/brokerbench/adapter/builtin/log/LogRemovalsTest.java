package io.brokerbench.adapter.builtin.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.engine.log.LogConfig;
import io.brokerbench.engine.log.LogEngine;
import io.brokerbench.engine.log.LogProducer;
import io.brokerbench.engine.log.PartitionLog;
import io.brokerbench.engine.log.ProducerConfig;
import io.brokerbench.engine.log.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRemovalsTest {
  @TempDir Path dir;

  @Test
  void readsBackTheValueAtAnOffsetAndNothingOutsideTheLog() throws Exception {
    try (LogEngine engine = LogEngine.open(dir, LogConfig.defaults())) {
      engine.createTopic("t", 1);
      LogProducer producer = engine.producer(ProducerConfig.defaults());
      for (int i = 0; i < 50; i++) {
        producer.send("t", 0, null, ("value-" + i).getBytes(StandardCharsets.UTF_8), List.of(), 0L, (p, o, e) -> { });
        if (i % 20 == 19) assertTrue(producer.flush(10_000)); // several batches
      }
      producer.send("t", 0, null, null, List.of(), 0L, (p, o, e) -> { });
      assertTrue(producer.flush(10_000));
      PartitionLog log = engine.partition(new TopicPartition("t", 0));
      for (int i = 0; i < 50; i++) {
        assertArrayEquals(("value-" + i).getBytes(StandardCharsets.UTF_8), LogRemovals.valueAt(log, i), "offset " + i);
      }
      assertNull(LogRemovals.valueAt(log, 50), "a null value");
      assertNull(LogRemovals.valueAt(log, 51), "the log end");
      assertNull(LogRemovals.valueAt(log, -1), "below the log start");
    }
  }
}
