package io.brokerbench.engine.log;

import java.util.List;

/**
 * One acquired record handed to a {@link ShareRecordHandler}, read in place from the fetch buffer.
 * The view and its buffer are reused: use them only during the handler call; copy what you keep
 * (the partition, offset and delivery count are what {@link ShareConsumer#acknowledge} needs later).
 *
 * <p>Not thread-safe.
 */
public final class ShareRecordView {
  private final RecordView record = new RecordView();
  private int deliveryCount;

  RecordView record() {
    return record;
  }

  void setDeliveryCount(int deliveryCount) {
    this.deliveryCount = deliveryCount;
  }

  public TopicPartition partition() {
    return record.partition();
  }

  public long offset() {
    return record.offset();
  }

  /** 1 on the record's first delivery to the group, higher on each redelivery. */
  public int deliveryCount() {
    return deliveryCount;
  }

  public long timestampMs() {
    return record.timestampMs();
  }

  /** Key length in bytes, -1 for a null key. */
  public int keyLength() {
    return record.keyLength();
  }

  /** A copy of the key, or null. */
  public byte[] key() {
    return record.key();
  }

  /** Value length in bytes, -1 for a null value. */
  public int valueLength() {
    return record.valueLength();
  }

  /** A copy of the value, or null. */
  public byte[] value() {
    return record.value();
  }

  /** As {@link RecordView#copyValue(byte[])}. */
  public int copyValue(byte[] target) {
    return record.copyValue(target);
  }

  public List<Header> headers() {
    return record.headers();
  }

  /** A decoded copy of the whole record. */
  public LogRecord toRecord() {
    return record.toRecord();
  }
}
