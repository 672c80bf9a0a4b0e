package io.brokerbench.commons;

/**
 * Kafka's key hash and its default partition rule for keyed records, so that a key lands on the
 * partition a Kafka producer would choose: {@code toPositive(hash(key)) % partitions}.
 *
 * <p>{@link #hash} is Kafka's {@code Utils.murmur2}: 32-bit MurmurHash2 with seed {@code 0x9747b28c},
 * reading the input as little-endian 4-byte words. Example: {@code hash(utf8("foobar"))} is {@code
 * -790332482}; {@code toPositive} of that is {@code 1357151166}, so among 50 partitions the key goes
 * to {@code 1357151166 % 50 = 16}.
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
public final class Murmur2 {
  private static final int SEED = 0x9747b28c;
  private static final int M = 0x5bd1e995;
  private static final int R = 24;

  private Murmur2() {}

  /**
   * The partition for a keyed record, as Kafka's {@code BuiltInPartitioner.partitionForKey}.
   *
   * @param key the record key, not null (any length, including 0)
   * @param partitions the topic's partition count, at least 1
   * @return a partition in {@code [0, partitions)}
   * @throws IllegalArgumentException when {@code partitions} is below 1
   */
  public static int partitionForKey(byte[] key, int partitions) {
    if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    return toPositive(hash(key)) % partitions;
  }

  /** Kafka's {@code Utils.toPositive}: clears the sign bit (not {@code Math.abs}, which keeps MIN_VALUE negative). */
  public static int toPositive(int n) {
    return n & 0x7fffffff;
  }

  /** Kafka's {@code Utils.murmur2} of every byte of {@code data} (not null); any int, negative included. */
  @SuppressWarnings("fallthrough")
  public static int hash(byte[] data) {
    int length = data.length;
    int h = SEED ^ length;
    int words = length >> 2;
    for (int i = 0; i < words; i++) {
      int at = i << 2;
      int k = (data[at] & 0xff) | ((data[at + 1] & 0xff) << 8) | ((data[at + 2] & 0xff) << 16) | ((data[at + 3] & 0xff) << 24);
      k *= M;
      k ^= k >>> R;
      k *= M;
      h *= M;
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
        h *= M;
        break;
      default:
        break;
    }
    h ^= h >>> 13;
    h *= M;
    h ^= h >>> 15;
    return h;
  }
}
