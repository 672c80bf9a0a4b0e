package io.brokerbench.engine.log;

/** What a {@link ShareConsumer} member says about a record it acquired (KIP-932). */
public enum AcknowledgeType {
  /** Processed: the record is ACKNOWLEDGED and never delivered to the group again. */
  ACCEPT,
  /**
   * Not processed: the record is AVAILABLE again and delivered again (to any member) with a delivery
   * count one higher, unless its delivery count reached the group's limit: then it is ARCHIVED and
   * reported to the {@link DeliveryLimitListener}.
   */
  RELEASE,
  /** Unprocessable: the record is ARCHIVED and never delivered to the group again; not reported. */
  REJECT
}
