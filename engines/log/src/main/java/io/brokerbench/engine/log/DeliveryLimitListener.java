package io.brokerbench.engine.log;

/**
 * Told of every record a share group archived because its delivery count reached the group's
 * {@link ShareGroupConfig#deliveryCountLimit()}: the record was delivered that many times, released
 * (or its lock timed out, or its member left) each time, and is never delivered again. A harness
 * counts these as removed by the broker, not lost. Records archived by {@link AcknowledgeType#REJECT}
 * are not reported (the member that rejected them knows).
 *
 * <p>Called on whichever thread caused the archiving (a poll, an acknowledgement, a close, or the
 * engine's scheduler when it applies lock timeouts), after the share-partition's lock is released,
 * possibly from several threads at once: implementations must be thread-safe and quick, and must not
 * throw (an exception is logged and dropped).
 */
@FunctionalInterface
public interface DeliveryLimitListener {
  /** Does nothing. */
  DeliveryLimitListener NO_OP = (group, partition, offset, deliveryCount) -> {};

  /**
   * @param group the share group
   * @param partition the record's partition
   * @param offset the record's offset
   * @param deliveryCount how often it was delivered, at least the group's limit
   */
  void archived(String group, TopicPartition partition, long offset, int deliveryCount);
}
