package io.brokerbench.engine.log;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One record handed to a {@link RecordHandler}, read in place from the fetch buffer. The view and
 * its buffer are reused: use them only during the handler call; copy what you keep.
 *
 * <p>Not thread-safe.
 */
public final class RecordView {
  private TopicPartition partition;
  private long offset;
  private long timestampMs;
  private ByteBuffer buffer;
  private int position;

  void set(TopicPartition partition, long offset, long timestampMs, ByteBuffer buffer, int position) {
    this.partition = partition;
    this.offset = offset;
    this.timestampMs = timestampMs;
    this.buffer = buffer;
    this.position = position;
  }

  public TopicPartition partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  public long timestampMs() {
    return timestampMs;
  }

  /** Key length in bytes, -1 for a null key. */
  public int keyLength() {
    return RecordBatch.keyLength(buffer, position);
  }

  /** A copy of the key, or null. */
  public byte[] key() {
    return RecordBatch.key(buffer, position);
  }

  /** Value length in bytes, -1 for a null value. */
  public int valueLength() {
    return RecordBatch.valueLength(buffer, position);
  }

  /** A copy of the value, or null. */
  public byte[] value() {
    return RecordBatch.value(buffer, position);
  }

  /**
   * Copies the value into {@code target} from index 0.
   *
   * @return the value length, or -1 for a null value
   * @throws IndexOutOfBoundsException when {@code target} is too small
   */
  public int copyValue(byte[] target) {
    int vlp = RecordBatch.valueLengthPosition(buffer, position);
    int vl = buffer.getInt(vlp);
    if (vl > 0) buffer.get(vlp + 4, target, 0, vl);
    return vl;
  }

  public List<Header> headers() {
    return RecordBatch.headers(buffer, position);
  }

  /** A decoded copy of the whole record. */
  public LogRecord toRecord() {
    return RecordBatch.decode(buffer, position);
  }
}
