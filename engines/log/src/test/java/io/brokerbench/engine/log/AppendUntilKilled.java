package io.brokerbench.engine.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Child process of {@link KillTest}: appends records with acks after fsync to {@code args[0]} for
 * ever, printing {@code ACK <partition> <offset> <value>} for every acknowledged record, until it is
 * killed.
 */
public final class AppendUntilKilled {
  private AppendUntilKilled() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    LogConfig config = LogConfig.defaults().withSegmentBytes(256 << 10).withFsync(FsyncPolicy.always()).withMinFreeDiskBytes(0);
    LogEngine engine = LogEngine.open(dir, config);
    engine.createTopic("t", 2);
    LogProducer producer = engine.producer(ProducerConfig.defaults().withAcks(Acks.AFTER_FSYNC).withLinger(Duration.ZERO).withBatchBytes(4096));
    out.println("READY");
    out.flush();
    for (long i = 0; ; i++) {
      String value = "value-" + i;
      producer.send("t", (int) (i % 2), null, value.getBytes(StandardCharsets.UTF_8), List.of(), i, (tp, offset, error) -> {
        if (error == null) {
          synchronized (out) {
            out.println("ACK " + tp.partition() + " " + offset + " " + value);
            out.flush();
          }
        }
      });
    }
  }
}
