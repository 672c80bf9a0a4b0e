package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.commons.storage.InMemoryStorage;
import io.brokerbench.commons.storage.StorageFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The journal bytes are exactly those of the worked example in README.md. */
class JournalFormatTest {

  @Test
  void writesTheRecordsOfTheReadmeExampleByteForByte() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    try (QueueEngine e = QueueEngine.open(EngineConfig.withStorage(storage, MemoryDirectory.DIR, FsyncPolicy.always()).withClock(() -> 0L, 0))) {
      e.declareQueue("q", QueueOptions.durableQueue());
      e.publish("", "q", MessageProperties.PERSISTENT, "hi".getBytes(StandardCharsets.UTF_8), false).join();
      e.openSession(0).get("q", false).ack();
    }
    byte[] bytes;
    try (StorageFile f = storage.open(MemoryDirectory.file("00000000000000000000.journal"), false)) {
      bytes = new byte[(int) f.size()];
      f.read(ByteBuffer.wrap(bytes), 0);
    }
    String enqueue = "00000027" + "4aeef6bd" + "01" + "0000000000000001" + "0000000000000000" + "7fffffffffffffff" + "01"
        + "0000" + "000171" + "0000" + "00000002" + "6869";
    String remove = "00000011" + "911acd1f" + "02" + "0000000000000001" + "0000000000000000";
    assertEquals(enqueue + remove, HexFormat.of().formatHex(bytes));
  }
}
