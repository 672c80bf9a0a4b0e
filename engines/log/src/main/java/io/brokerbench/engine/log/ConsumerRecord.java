package io.brokerbench.engine.log;

/**
 * A record read from a partition, with its position.
 *
 * @param partition where it was read
 * @param offset its offset in the partition
 * @param record key, value, headers and timestamp
 */
public record ConsumerRecord(TopicPartition partition, long offset, LogRecord record) {}
