package io.brokerbench.distribution;

import java.util.SplittableRandom;

/**
 * Random sources derived from a workload's seed, one per purpose and index, so that each consumer
 * (and later each producer) draws its own repeatable sequence whatever the others draw, and two
 * neighbouring seeds give unrelated sequences.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * The random source of {@code purpose} (such as {@code "processing"}) for the given indices (such
   * as subscription and consumer) under {@code seed}.
   */
  public static SplittableRandom random(long seed, String purpose, int... indices) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ purpose.hashCode());
    for (int i : indices) h = mix(h ^ (i + 0x632BE59BD9B4E019L));
    return new SplittableRandom(h);
  }

  /** Stafford's variant 13 of MurmurHash3's 64-bit finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
