package io.brokerbench.engine.queue;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the journal at engine start (see {@link JournalFormat} and README.md, "Recovery"): every
 * segment in position order, each cut at its first invalid record. Runs before any other thread
 * touches the storage; not thread-safe.
 */
final class JournalRecovery {
  private JournalRecovery() {}

  /** Receives the valid records of the journal, in file order. */
  interface Visitor {
    void enqueue(long segment, long queueId, long seq, long expiresAtMillis, boolean persistent, String exchange,
        String routingKey, Map<String, String> headers, byte[] body);

    void remove(long queueId, long seq);
  }

  /** Where appending continues after recovery. */
  record Tail(long segmentBase, long position, int segments, long records, List<String> truncations) {}

  /**
   * Reads every segment in position order, passing valid records to {@code visitor}. A segment is
   * cut at its first invalid record (zero or overlong length, record past the end, CRC mismatch,
   * unknown type): that is a torn tail, and nothing after it in that segment was confirmed.
   */
  static Tail recover(QueueDirectory directory, Visitor visitor) throws IOException {
    TreeMap<Long, String> segments = new TreeMap<>();
    for (String name : directory.names()) {
      long base = JournalFormat.segmentBase(name);
      if (base >= 0) segments.put(base, name);
    }
    List<String> truncations = new ArrayList<>();
    long records = 0;
    long lastBase = 0;
    long end = 0;
    for (Map.Entry<Long, String> s : segments.entrySet()) {
      long base = s.getKey();
      String name = s.getValue();
      byte[] data;
      long valid;
      try (StorageFile f = directory.open(name, false)) {
        long size = f.size();
        if (size > Integer.MAX_VALUE) throw new CorruptJournalException("segment " + name + " is larger than 2 GiB: " + size);
        data = new byte[(int) size];
        ByteBuffer bb = ByteBuffer.wrap(data);
        long p = 0;
        while (bb.hasRemaining()) {
          int n = f.read(bb, p);
          if (n < 0) break;
          p += n;
        }
        int off = 0;
        String problem = null;
        while (off < data.length) {
          if (data.length - off < JournalFormat.HEADER) {
            problem = "partial record header (" + (data.length - off) + " of 8 bytes)";
            break;
          }
          int len = JournalFormat.getInt(data, off);
          if (len <= 0 || len > JournalFormat.MAX_PAYLOAD) {
            problem = "invalid record length " + len;
            break;
          }
          if ((long) off + JournalFormat.HEADER + len > data.length) {
            problem = "record of " + len + " bytes runs past the end of the file (" + (data.length - off - 8) + " bytes left)";
            break;
          }
          int expected = JournalFormat.getInt(data, off + 4);
          int found = JournalFormat.crc(data, off + JournalFormat.HEADER, len);
          if (expected != found) {
            problem = String.format("CRC mismatch: expected %08x, found %08x", expected, found);
            break;
          }
          try {
            parse(base, data, off + JournalFormat.HEADER, len, visitor);
          } catch (RuntimeException e) {
            problem = "unreadable record: " + e.getMessage();
            break;
          }
          records++;
          off += JournalFormat.HEADER + len;
        }
        valid = off;
        if (problem != null) {
          truncations.add("segment " + directory.describe() + "/" + name + " offset " + off + ": " + problem
              + "; cut " + (data.length - off) + " bytes");
          f.truncate(off);
          f.force();
        }
      }
      lastBase = base;
      end = base + valid;
    }
    return new Tail(segments.isEmpty() ? 0 : lastBase, end, segments.size(), records, truncations);
  }

  private static void parse(long segment, byte[] b, int p, int len, Visitor visitor) {
    int limit = p + len;
    byte type = b[p++];
    long queueId = JournalFormat.getLong(b, p);
    long seq = JournalFormat.getLong(b, p + 8);
    p += 16;
    if (type == JournalFormat.REMOVE) {
      if (len != JournalFormat.REMOVE_PAYLOAD) throw new IllegalStateException("remove record of " + len + " bytes");
      visitor.remove(queueId, seq);
      return;
    }
    if (type != JournalFormat.ENQUEUE) throw new IllegalStateException("unknown record type " + type);
    long expiresAt = JournalFormat.getLong(b, p);
    p += 8;
    boolean persistent = (b[p++] & JournalFormat.FLAG_PERSISTENT) != 0;
    int[] cursor = {p};
    String exchange = str(b, cursor, limit);
    String routingKey = str(b, cursor, limit);
    int headerCount = JournalFormat.getShort(b, cursor[0]);
    cursor[0] += 2;
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i < headerCount; i++) headers.put(str(b, cursor, limit), str(b, cursor, limit));
    int bodyLength = JournalFormat.getInt(b, cursor[0]);
    cursor[0] += 4;
    if (bodyLength < 0 || cursor[0] + bodyLength != limit) {
      throw new IllegalStateException("body length " + bodyLength + " does not fill the record");
    }
    byte[] body = Arrays.copyOfRange(b, cursor[0], limit);
    visitor.enqueue(segment, queueId, seq, expiresAt, persistent, exchange, routingKey, Map.copyOf(headers), body);
  }

  private static String str(byte[] b, int[] cursor, int limit) {
    int n = JournalFormat.getShort(b, cursor[0]);
    cursor[0] += 2;
    if (cursor[0] + n > limit) throw new IllegalStateException("string of " + n + " bytes runs past the record");
    String s = new String(b, cursor[0], n, StandardCharsets.UTF_8);
    cursor[0] += n;
    return s;
  }
}
