package io.brokerbench.engine.queue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The journal's record format (see README.md, "On-disk journal format", for the byte-by-byte
 * description and a worked example).
 *
 * <pre>
 * record  := length:u32  crc:u32  payload[length]      (big-endian; crc = CRC32C(payload))
 * payload := ENQUEUE | REMOVE
 * ENQUEUE := 0x01 queueId:u64 seq:u64 expiresAtMillis:i64 flags:u8
 *            exchange:str16 routingKey:str16 headerCount:u16 (name:str16 value:str16)*
 *            bodyLength:u32 body
 * REMOVE  := 0x02 queueId:u64 seq:u64
 * str16   := byteLength:u16 utf8
 * </pre>
 * A length of 0 or one reaching past the end of the file, or a CRC mismatch, marks a torn tail.
 */
final class JournalFormat {
  static final int HEADER = 8;
  static final byte ENQUEUE = 1;
  static final byte REMOVE = 2;
  static final int REMOVE_PAYLOAD = 17;
  static final byte FLAG_PERSISTENT = 1;
  /** Largest payload accepted on read: 256 MiB. */
  static final int MAX_PAYLOAD = 256 << 20;

  private JournalFormat() {}

  /** An enqueue record's strings, encoded once. */
  static final class Encoded {
    final byte[] exchange;
    final byte[] routingKey;
    final byte[][] headerNames;
    final byte[][] headerValues;
    final int payloadLength;

    Encoded(Message m) {
      exchange = utf8(m.exchange, "exchange");
      routingKey = utf8(m.routingKey, "routing key");
      int n = m.headers.size();
      headerNames = new byte[n][];
      headerValues = new byte[n][];
      int len = 1 + 8 + 8 + 8 + 1 + 2 + exchange.length + 2 + routingKey.length + 2 + 4 + m.body.length;
      int i = 0;
      for (Map.Entry<String, String> e : m.headers.entrySet()) {
        headerNames[i] = utf8(e.getKey(), "header name");
        headerValues[i] = utf8(e.getValue(), "header value");
        len += 4 + headerNames[i].length + headerValues[i].length;
        i++;
      }
      payloadLength = len;
    }
  }

  static byte[] utf8(String s, String what) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xFFFF) throw new IllegalArgumentException(what + " must be at most 65535 UTF-8 bytes, was " + b.length);
    return b;
  }

  /** Writes a complete enqueue record at {@code off}; returns the end offset. */
  static int writeEnqueue(byte[] buf, int off, long queueId, long seq, long expiresAt, Message m, Encoded e) {
    int p = off + HEADER;
    buf[p++] = ENQUEUE;
    p = putLong(buf, p, queueId);
    p = putLong(buf, p, seq);
    p = putLong(buf, p, expiresAt);
    buf[p++] = m.persistent ? FLAG_PERSISTENT : 0;
    p = putStr(buf, p, e.exchange);
    p = putStr(buf, p, e.routingKey);
    p = putShort(buf, p, e.headerNames.length);
    for (int i = 0; i < e.headerNames.length; i++) {
      p = putStr(buf, p, e.headerNames[i]);
      p = putStr(buf, p, e.headerValues[i]);
    }
    p = putInt(buf, p, m.body.length);
    System.arraycopy(m.body, 0, buf, p, m.body.length);
    p += m.body.length;
    seal(buf, off, p - off - HEADER);
    return p;
  }

  static int writeRemove(byte[] buf, int off, long queueId, long seq) {
    int p = off + HEADER;
    buf[p++] = REMOVE;
    p = putLong(buf, p, queueId);
    p = putLong(buf, p, seq);
    seal(buf, off, REMOVE_PAYLOAD);
    return p;
  }

  private static void seal(byte[] buf, int off, int payloadLength) {
    putInt(buf, off, payloadLength);
    CRC32C crc = new CRC32C();
    crc.update(buf, off + HEADER, payloadLength);
    putInt(buf, off + 4, (int) crc.getValue());
  }

  static int crc(byte[] buf, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(buf, off, len);
    return (int) crc.getValue();
  }

  static int putLong(byte[] b, int p, long v) {
    putInt(b, p, (int) (v >>> 32));
    putInt(b, p + 4, (int) v);
    return p + 8;
  }

  static int putInt(byte[] b, int p, int v) {
    b[p] = (byte) (v >>> 24);
    b[p + 1] = (byte) (v >>> 16);
    b[p + 2] = (byte) (v >>> 8);
    b[p + 3] = (byte) v;
    return p + 4;
  }

  static int putShort(byte[] b, int p, int v) {
    b[p] = (byte) (v >>> 8);
    b[p + 1] = (byte) v;
    return p + 2;
  }

  static int putStr(byte[] b, int p, byte[] s) {
    p = putShort(b, p, s.length);
    System.arraycopy(s, 0, b, p, s.length);
    return p + s.length;
  }

  static int getInt(byte[] b, int p) {
    return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
  }

  static long getLong(byte[] b, int p) {
    return ((long) getInt(b, p) << 32) | (getInt(b, p + 4) & 0xffffffffL);
  }

  static int getShort(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }

  static String segmentName(long base) {
    return String.format("%020d.journal", base);
  }

  /** The base position in a segment file name, or -1 when {@code name} is not a segment. */
  static long segmentBase(String name) {
    if (!name.endsWith(".journal") || name.length() != 28) return -1;
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
