package io.brokerbench.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the worked example of engines/log/README.md to the bytes the code writes. */
class RecordBatchFormatTest {

  @Test
  void writesTheDocumentedExampleBatch() {
    BatchBuilder b = new BatchBuilder(1024, false);
    b.append(TestLogs.bytes("k1"), TestLogs.bytes("hello"), List.of(), 1_700_000_000_000L);
    b.append(null, TestLogs.bytes("world!"), List.of(new Header("h", TestLogs.bytes("v"))), 1_700_000_000_005L);
    ByteBuffer buf = b.build(-1, (short) -1, -1);
    buf.putLong(0, 42L);
    byte[] bytes = new byte[buf.limit()];
    buf.get(0, bytes);
    String expected = String.join("",
        "000000000000002a", "0000007e", "01", "e7bdb234", "0000", "00000001",
        "0000018bcfe56800", "0000018bcfe56805", "ffffffffffffffff", "ffff", "ffffffff", "00000002",
        // record 0
        "00000020", "00", "0000018bcfe56800", "00000000", "00000002", "6b31", "00000005", "68656c6c6f", "00000000",
        // record 1
        "00000029", "00", "0000018bcfe56805", "00000001", "ffffffff", "00000006", "776f726c6421", "00000001",
        "00000001", "68", "00000001", "76");
    assertEquals(expected, HexFormat.of().formatHex(bytes));
    assertEquals(138, bytes.length);
    assertNull(RecordBatch.validate(ByteBuffer.wrap(bytes), 0, bytes.length));
  }
}
