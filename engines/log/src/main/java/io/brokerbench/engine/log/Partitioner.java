package io.brokerbench.engine.log;

/**
 * Kafka's default partitioner for keyed records: {@code toPositive(murmur2(key)) % partitions}, so a
 * key lands on the partition a Kafka producer would choose. (Records without a key use sticky
 * batches: see {@link LogProducer}.) Stateless and thread-safe.
 */
public final class Partitioner {
  private Partitioner() {}

  /** Partition in {@code [0, partitions)} for a non-null {@code key}. */
  public static int partitionForKey(byte[] key, int partitions) {
    if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    return (murmur2(key) & 0x7fffffff) % partitions;
  }

  /** 32-bit MurmurHash2 with seed 0x9747b28c, as Kafka's {@code Utils.murmur2}. */
  @SuppressWarnings("fallthrough")
  public static int murmur2(byte[] data) {
    int length = data.length;
    final int m = 0x5bd1e995;
    final int r = 24;
    int h = 0x9747b28c ^ length;
    int length4 = length >> 2;
    for (int i = 0; i < length4; i++) {
      int i4 = i << 2;
      int k = (data[i4] & 0xff) | ((data[i4 + 1] & 0xff) << 8) | ((data[i4 + 2] & 0xff) << 16) | ((data[i4 + 3] & 0xff) << 24);
      k *= m;
      k ^= k >>> r;
      k *= m;
      h *= m;
      h ^= k;
    }
    int tail = length & ~3;
    switch (length & 3) {
      case 3:
        h ^= (data[tail + 2] & 0xff) << 16;
        // fall through
      case 2:
        h ^= (data[tail + 1] & 0xff) << 8;
        // fall through
      case 1:
        h ^= data[tail] & 0xff;
        h *= m;
        break;
      default:
        break;
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }
}
