package io.brokerbench.run;

import io.brokerbench.scenario.KeyChoice;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * One producer's key for each of its messages, as {@link KeyChoice} says. Zipf keys come from
 * Commons RNG's rejection-inversion sampler (constant memory, whatever the number of keys) driven
 * by the producer's seeded source, so a seed gives the same keys in the same order.
 *
 * <p>Threading: the producer's thread only; {@link #keyOf} is called with {@code i = 0, 1, 2, …}.
 */
final class KeyChooser {
  private final KeyChoice choice;
  private final int keys;
  private final SplittableRandom random;
  private final RejectionInversionZipfSampler zipf;

  /**
   * @param keys distinct keys, ≥ 1
   * @param random the producer's own seeded source; read by uniform and Zipf choices
   */
  KeyChooser(KeyChoice choice, int keys, SplittableRandom random) {
    this.choice = choice;
    this.keys = keys;
    this.random = random;
    UniformRandomProvider source = random::nextLong;
    this.zipf = choice.kind() == KeyChoice.Kind.ZIPF ? new RejectionInversionZipfSampler(source, keys, choice.skew()) : null;
  }

  /** The key of the producer's message {@code i}, from 0 to {@code keys - 1}. */
  int keyOf(long i) {
    return switch (choice.kind()) {
      case ROUND_ROBIN -> (int) (i % keys);
      case UNIFORM -> random.nextInt(keys);
      // The sampler numbers elements from 1.
      case ZIPF -> zipf.sample() - 1;
    };
  }
}
