package io.brokerbench.engine.log;

import java.util.Locale;

/** When a producer's send is acknowledged. */
public enum Acks {
  /**
   * Once the batch is written to the log file (in the page cache). Survives a process crash, not a
   * power loss unless the fsync policy forced it. Kafka's behaviour (it leaves flushing to the OS and
   * relies on replication, which this single-node engine does not have).
   */
  AFTER_WRITE,
  /** Once the batch is forced to disk: needs fsync {@code always} or {@code interval(ms)}. */
  AFTER_FSYNC;

  /** Parses {@code afterWrite} or {@code afterFsync} (case-insensitive, dashes allowed). */
  public static Acks parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "afterwrite" -> AFTER_WRITE;
      case "afterfsync" -> AFTER_FSYNC;
      default -> throw new IllegalArgumentException("acks must be afterWrite or afterFsync, found '" + text + "'");
    };
  }
}
