package io.brokerbench.envelope;

/**
 * The fixed binary header at the start of every payload the harness sends; the rest of the payload
 * is filler up to the configured size.
 *
 * <h2>Layout (big-endian, {@value #SIZE} bytes)</h2>
 * <pre>
 * offset size field
 *  0     2    magic 0xBB0B
 *  2     1    envelope version (1)
 *  3     1    flags: bit 0 set when the message belongs to the measured window
 *  4     8    run tag: 64-bit hash of the run id, so messages of another run are recognised
 * 12     4    producer index, 0-based
 * 16     4    key index, 0-based
 * 20     8    sequence number within (producer, key), 0-based
 * 28     8    message id, unique in the run: sequenceOfProducer × producers + producer
 * 36     8    intended send time, System.nanoTime() of the harness JVM
 * 44     8    actual send time, System.nanoTime() of the harness JVM
 * </pre>
 * Producers and consumers share one JVM, so both times are on the same clock as the receive time.
 */
public final class Envelope {
  /** Envelope size in bytes; a message size below it is a validation error. */
  public static final int SIZE = 52;
  /** First two bytes of every envelope. */
  public static final short MAGIC = (short) 0xBB0B;
  /** Format version written at offset 2. */
  public static final byte VERSION = 1;

  /** Flag bit: the message belongs to the measured window (not warm-up). */
  public static final int FLAG_MEASURED = 1;

  static final int FLAGS = 3;
  static final int RUN_TAG = 4;
  static final int PRODUCER = 12;
  static final int KEY = 16;
  static final int SEQUENCE = 20;
  static final int MESSAGE_ID = 28;
  static final int INTENDED = 36;
  static final int ACTUAL = 44;

  private Envelope() {}

  /** Writes the envelope into {@code buf[0, SIZE)}; the caller owns the filler. */
  public static void write(byte[] buf, long runTag, int flags, int producer, int key, long sequence, long messageId,
      long intendedNanos, long actualNanos) {
    putShort(buf, 0, MAGIC);
    buf[2] = VERSION;
    buf[FLAGS] = (byte) flags;
    putLong(buf, RUN_TAG, runTag);
    putInt(buf, PRODUCER, producer);
    putInt(buf, KEY, key);
    putLong(buf, SEQUENCE, sequence);
    putLong(buf, MESSAGE_ID, messageId);
    putLong(buf, INTENDED, intendedNanos);
    putLong(buf, ACTUAL, actualNanos);
  }

  /** Overwrites only the actual send time (set at the last moment before the send call). */
  public static void writeActual(byte[] buf, long actualNanos) {
    putLong(buf, ACTUAL, actualNanos);
  }

  /** Whether {@code buf} starts with an envelope of this version and {@code runTag}. */
  public static boolean isOfRun(byte[] buf, int length, long runTag) {
    return length >= SIZE && getShort(buf, 0) == MAGIC && buf[2] == VERSION && getLong(buf, RUN_TAG) == runTag;
  }

  public static int flags(byte[] buf) { return buf[FLAGS] & 0xff; }
  public static boolean isMeasured(byte[] buf) { return (buf[FLAGS] & FLAG_MEASURED) != 0; }
  public static int producer(byte[] buf) { return getInt(buf, PRODUCER); }
  public static int key(byte[] buf) { return getInt(buf, KEY); }
  public static long sequence(byte[] buf) { return getLong(buf, SEQUENCE); }
  public static long messageId(byte[] buf) { return getLong(buf, MESSAGE_ID); }
  public static long intendedNanos(byte[] buf) { return getLong(buf, INTENDED); }
  public static long actualNanos(byte[] buf) { return getLong(buf, ACTUAL); }

  /** A 64-bit FNV-1a hash of the run id. */
  public static long runTag(String runId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < runId.length(); i++) {
      h ^= runId.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static void putShort(byte[] b, int off, short v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  private static void putLong(byte[] b, int off, long v) {
    putInt(b, off, (int) (v >>> 32));
    putInt(b, off + 4, (int) v);
  }

  private static short getShort(byte[] b, int off) {
    return (short) (((b[off] & 0xff) << 8) | (b[off + 1] & 0xff));
  }

  private static int getInt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
  }

  private static long getLong(byte[] b, int off) {
    return ((long) getInt(b, off) << 32) | (getInt(b, off + 4) & 0xffffffffL);
  }
}
