package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.scenario.KeyChoice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Key choices against their definitions. Known answers: round-robin gives key {@code i mod keys};
 * Zipf with exponent 1 over 64 keys chooses key {@code k} with probability {@code (1 / (k + 1)) /
 * H₆₄}, H₆₄ = 4.7439…, so key 0 takes 21.08% and key 1 10.54%; uniform gives each 1/64 = 1.56%,
 * which the Zipf check would reject (the negative control).
 */
class KeyChooserTest {
  private static final int KEYS = 64;
  private static final int DRAWS = 200_000;

  @Test
  void roundRobinTakesTheKeysInTurn() {
    KeyChooser c = new KeyChooser(KeyChoice.ROUND_ROBIN, KEYS, new SplittableRandom(1));
    for (long i = 0; i < 200; i++) assertEquals((int) (i % KEYS), c.keyOf(i));
  }

  @Test
  void zipfMakesTheFirstKeysHotInProportionToOneOverRank() {
    double[] share = shares(KeyChoice.zipf(1.0), 3);
    double harmonic = 0;
    for (int k = 1; k <= KEYS; k++) harmonic += 1.0 / k;
    assertEquals(1 / harmonic, share[0], 0.005);
    assertEquals(0.5 / harmonic, share[1], 0.005);
    assertEquals(0.1 / harmonic, share[9], 0.002);
  }

  @Test
  void uniformGivesEveryKeyTheSameShareWhichTheZipfCheckRejects() {
    double[] share = shares(KeyChoice.UNIFORM, 4);
    for (double s : share) assertEquals(1.0 / KEYS, s, 0.002);
    double harmonic = 0;
    for (int k = 1; k <= KEYS; k++) harmonic += 1.0 / k;
    assertTrue(Math.abs(share[0] - 1 / harmonic) > 0.1, "uniform is not Zipf");
  }

  @Test
  void aSeedGivesTheSameKeysInTheSameOrder() {
    KeyChooser a = new KeyChooser(KeyChoice.zipf(1.2), KEYS, new SplittableRandom(9));
    KeyChooser b = new KeyChooser(KeyChoice.zipf(1.2), KEYS, new SplittableRandom(9));
    for (long i = 0; i < 10_000; i++) assertEquals(a.keyOf(i), b.keyOf(i));
  }

  private static double[] shares(KeyChoice choice, long seed) {
    KeyChooser c = new KeyChooser(choice, KEYS, new SplittableRandom(seed));
    double[] counts = new double[KEYS];
    for (long i = 0; i < DRAWS; i++) counts[c.keyOf(i)]++;
    for (int k = 0; k < KEYS; k++) counts[k] /= DRAWS;
    return counts;
  }
}
