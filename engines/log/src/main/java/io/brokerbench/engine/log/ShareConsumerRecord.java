package io.brokerbench.engine.log;

/**
 * A record a {@link ShareConsumer} acquired, copied out of the fetch buffer.
 *
 * @param partition where it was read
 * @param offset its offset in the partition
 * @param deliveryCount 1 on its first delivery to the group, higher on each redelivery
 * @param record key, value, headers and timestamp
 */
public record ShareConsumerRecord(TopicPartition partition, long offset, int deliveryCount, LogRecord record) {}
