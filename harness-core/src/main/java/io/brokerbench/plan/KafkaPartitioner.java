package io.brokerbench.plan;

import io.brokerbench.commons.Murmur2;
import java.nio.charset.StandardCharsets;

/**
 * The plan's keys and the partition Kafka's default partitioner picks for them: key index {@code k}
 * has bytes {@code utf8("key-" + k)}, which go to partition {@code toPositive(murmur2(bytes)) %
 * partitions} ({@link Murmur2}, so harness-core needs no Kafka dependency; the kafka adapter's tests
 * check it against kafka-clients). Stateless and thread-safe.
 */
public final class KafkaPartitioner {
  private KafkaPartitioner() {}

  /** The key bytes of key index {@code k}: {@code utf8("key-" + k)}. */
  public static byte[] keyBytes(int k) {
    return ("key-" + k).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Partition in {@code [0, partitions)} for {@code key}; {@code partitions} is at least 1.
   *
   * @throws IllegalArgumentException when {@code partitions} is below 1
   */
  public static int partition(byte[] key, int partitions) {
    return Murmur2.partitionForKey(key, partitions);
  }
}
