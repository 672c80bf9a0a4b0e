package io.brokerbench.plan;

import java.nio.charset.StandardCharsets;

/**
 * The partition Kafka's default partitioner picks for a keyed record: {@code toPositive(murmur2(key))
 * % partitions}. Reimplemented here (harness-core has no Kafka dependency); a test checks it
 * against known values of Kafka's {@code Utils.murmur2}.
 */
public final class KafkaPartitioner {
  private KafkaPartitioner() {}

  /** The key bytes of key index {@code k}: {@code utf8("key-" + k)}. */
  public static byte[] keyBytes(int k) {
    return ("key-" + k).getBytes(StandardCharsets.UTF_8);
  }

  /** Partition in {@code [0, partitions)} for {@code key}. */
  public static int partition(byte[] key, int partitions) {
    return toPositive(murmur2(key)) % partitions;
  }

  /** Kafka's {@code Utils.toPositive}: clears the sign bit (not {@code Math.abs}). */
  public static int toPositive(int n) {
    return n & 0x7fffffff;
  }

  /** Kafka's {@code Utils.murmur2}: 32-bit MurmurHash2 with seed 0x9747b28c. */
  public static int murmur2(byte[] data) {
    int length = data.length;
    int seed = 0x9747b28c;
    final int m = 0x5bd1e995;
    final int r = 24;
    int h = seed ^ length;
    int length4 = length / 4;
    for (int i = 0; i < length4; i++) {
      final int i4 = i * 4;
      int k = (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16) + ((data[i4 + 3] & 0xff) << 24);
      k *= m;
      k ^= k >>> r;
      k *= m;
      h *= m;
      h ^= k;
    }
    switch (length % 4) {
      case 3:
        h ^= (data[(length & ~3) + 2] & 0xff) << 16;
      case 2:
        h ^= (data[(length & ~3) + 1] & 0xff) << 8;
      case 1:
        h ^= data[length & ~3] & 0xff;
        h *= m;
      default:
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }
}
