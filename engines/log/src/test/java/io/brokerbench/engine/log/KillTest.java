package io.brokerbench.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM appends with acks after fsync and is killed with SIGKILL; the test then checks the log. */
class KillTest {
  @TempDir Path dir;

  @Test
  void keepsEveryAcknowledgedRecordWhenTheProcessIsKilledWhileAppending() throws Exception {
    Path data = dir.resolve("data");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(javaBin, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        AppendUntilKilled.class.getName(), data.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Map<String, String> acked = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((line = in.readLine()) != null && acked.size() < 2000 && System.nanoTime() < deadline) {
        if (line.startsWith("ACK ")) {
          String[] f = line.split(" ");
          acked.put(f[1] + "@" + f[2], f[3]);
        }
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
      // Acknowledgements printed but not read before the kill are not checked (the stream closes
      // with the process); every acknowledgement read is.
    } finally {
      child.destroyForcibly();
    }
    assertTrue(acked.size() >= 2000, "child acknowledged only " + acked.size() + " records");
    assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");

    assertEquals(List.of(), missing(data, acked), "acknowledged records missing after restart");

    // Negative control: the same check detects loss when a partition loses acknowledged bytes (its
    // first segment is cut to 100 bytes: every later batch is gone).
    Path first = data.resolve("t-0").resolve(String.format("%020d.log", 0));
    try (var ch = java.nio.channels.FileChannel.open(first, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(100);
    }
    assertTrue(!missing(data, acked).isEmpty(), "cutting the log must show up as missing records");
  }

  private static List<String> missing(Path data, Map<String, String> acked) throws IOException {
    List<String> missing = new ArrayList<>();
    try (LogEngine engine = LogEngine.open(data, LogConfig.defaults().withSegmentBytes(256 << 10).withMinFreeDiskBytes(0))) {
      for (int p = 0; p < 2; p++) {
        List<ConsumerRecord> records = TestLogs.readAll(engine.partition(new TopicPartition("t", p)), 0);
        for (int i = 0; i < records.size(); i++) assertEquals(i, records.get(i).offset(), "dense offsets");
        for (Map.Entry<String, String> e : acked.entrySet()) {
          String[] at = e.getKey().split("@");
          if (Integer.parseInt(at[0]) != p) continue;
          int offset = Integer.parseInt(at[1]);
          if (offset >= records.size()
              || !e.getValue().equals(new String(records.get(offset).record().value(), StandardCharsets.UTF_8))) {
            missing.add(e.getKey());
          }
        }
      }
    }
    return missing;
  }
}
