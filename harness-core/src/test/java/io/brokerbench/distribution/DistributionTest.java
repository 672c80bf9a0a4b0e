package io.brokerbench.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {
  private static final long MS = 1_000_000;
  private static final long DAY = 86_400_000_000_000L;
  private static final int DRAWS = 200_000;

  @Test
  void everyFormParsesToItsDistribution() {
    assertEquals(new Distribution.Fixed(2 * MS), Distribution.parse("2ms", Quantity.DURATION, DAY));
    assertEquals(new Distribution.Fixed(2 * MS), Distribution.parse("fixed(2ms)", Quantity.DURATION, DAY));
    assertEquals(new Distribution.Uniform(MS, 3 * MS), Distribution.parse("uniform(1ms, 3ms)", Quantity.DURATION, DAY));
    assertEquals(new Distribution.Exponential(MS / 2), Distribution.parse("exponential(500us)", Quantity.DURATION, DAY));
    assertEquals(new Distribution.Uniform(100, 1024), Distribution.parse("uniform(100B,1KiB)", Quantity.SIZE, 1 << 20));
  }

  @Test
  void aDistributionWritesItselfTheWayItIsRead() {
    for (String text : new String[] {"2ms", "uniform(1ms,3ms)", "exponential(500us)"}) {
      Distribution d = Distribution.parse(text, Quantity.DURATION, DAY);
      assertEquals(d, Distribution.parse(d.text(Quantity.DURATION), Quantity.DURATION, DAY), text);
    }
  }

  @Test
  void badFormsSayWhatIsWrong() {
    assertEquals("'soon' is not a duration", message("fixed(soon)", Quantity.DURATION, DAY));
    assertEquals("fixed takes one duration", message("fixed(1ms,2ms)", Quantity.DURATION, DAY));
    assertEquals("uniform takes two durations", message("uniform(1ms)", Quantity.DURATION, DAY));
    assertEquals("uniform(a,b) needs a <= b, found uniform(3ms,1ms)", message("uniform(3ms,1ms)", Quantity.DURATION, DAY));
    assertEquals("2s is longer than 1s", message("2s", Quantity.DURATION, 1_000 * MS));
    assertEquals("'big' is not a size", message("big", Quantity.SIZE, 100));
  }

  @Test
  void fixedAlwaysDrawsItsValue() {
    SplittableRandom r = new SplittableRandom(1);
    Distribution d = new Distribution.Fixed(5 * MS);
    for (int i = 0; i < 100; i++) assertEquals(5 * MS, d.sample(r));
    assertTrue(new Distribution.Fixed(0).isZero());
    assertFalse(d.isZero());
  }

  @Test
  void uniformDrawsEveryValueOfItsRangeAndNothingElse() {
    SplittableRandom r = new SplittableRandom(2);
    long[] seen = new long[5];
    for (int i = 0; i < 10_000; i++) seen[(int) (new Distribution.Uniform(10, 14).sample(r) - 10)]++;
    for (long count : seen) assertTrue(count > 1_700 && count < 2_300, "each of 5 values about 2000 times: " + count);
  }

  @Test
  void exponentialHasItsMeanAndItsTail() {
    Distribution d = new Distribution.Exponential(MS);
    assertEquals(1.0, meanOf(d) / MS, 0.01);
    // The tail tells an exponential from other shapes of the same mean: P(X > mean) = 1/e.
    assertEquals(Math.exp(-1), shareAbove(d, MS), 0.005);
  }

  /** Negative control: the tail check fails for a distribution of the same mean and another shape. */
  @Test
  void theTailCheckTellsAUniformOfTheSameMeanApart() {
    Distribution sameMean = new Distribution.Uniform(0, 2 * MS);
    assertEquals(1.0, meanOf(sameMean) / MS, 0.01);
    assertTrue(Math.abs(shareAbove(sameMean, MS) - Math.exp(-1)) > 0.1);
  }

  @Test
  void aSeedMakesTheDrawsRepeatable() {
    Distribution d = new Distribution.Exponential(MS);
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 1_000; i++) assertEquals(d.sample(a), d.sample(b));
  }

  private static double meanOf(Distribution d) {
    SplittableRandom r = new SplittableRandom(3);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) sum += d.sample(r);
    return sum / DRAWS;
  }

  private static double shareAbove(Distribution d, long threshold) {
    SplittableRandom r = new SplittableRandom(4);
    int above = 0;
    for (int i = 0; i < DRAWS; i++) if (d.sample(r) > threshold) above++;
    return above / (double) DRAWS;
  }

  private static String message(String text, Quantity q, long max) {
    return assertThrows(IllegalArgumentException.class, () -> Distribution.parse(text, q, max)).getMessage();
  }
}
