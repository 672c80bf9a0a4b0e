package io.brokerbench.engine.log;

import java.util.Arrays;
import java.util.List;

/**
 * A record as a producer sends it and as a consumer reads it (without its offset).
 *
 * @param key key bytes, or null
 * @param value value bytes, or null (a tombstone for compaction)
 * @param headers headers in order, never null
 * @param timestampMs creation time, milliseconds since the epoch
 */
public record LogRecord(byte[] key, byte[] value, List<Header> headers, long timestampMs) {
  public LogRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  public static LogRecord of(byte[] key, byte[] value, long timestampMs) {
    return new LogRecord(key, value, List.of(), timestampMs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogRecord r
        && Arrays.equals(key, r.key)
        && Arrays.equals(value, r.value)
        && headers.equals(r.headers)
        && timestampMs == r.timestampMs;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Arrays.hashCode(value) + headers.hashCode() + Long.hashCode(timestampMs);
  }

  @Override
  public String toString() {
    return "LogRecord[key=" + (key == null ? "null" : key.length + "B") + ", value="
        + (value == null ? "null" : value.length + "B") + ", headers=" + headers + ", ts=" + timestampMs + "]";
  }
}
