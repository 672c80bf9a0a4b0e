package io.brokerbench.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void durationsAreExactEvenBeyondWhatADoubleHolds() {
    assertEquals(Duration.ofMillis(9_223_372_036_854L), Quantities.parseDuration("9223372036854ms"));
    assertEquals(Duration.ofMillis(Integer.MAX_VALUE), Quantities.parseDuration("2147483647ms"));
    assertEquals(Duration.ofNanos(1_500_000), Quantities.parseDuration("1.5ms"));
    assertEquals(Duration.ofHours(168), Quantities.parseDuration("168h"));
  }

  @Test
  void fractionsOfANanosecondRoundHalfUpAndTheLongestDurationIsItsCeiling() {
    assertEquals(Duration.ofNanos(3), Quantities.parseDuration("2.5ns"));
    assertEquals(Duration.ofNanos(2), Quantities.parseDuration("2.4ns"));
    assertEquals(Duration.ofNanos(Long.MAX_VALUE), Quantities.parseDuration("99999999999h"));
  }

  @Test
  void malformedDurationsNameTheExpectedForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantities.parseDuration("-1s"));
    assertEquals("expected a duration such as 250ms, 10s or 2m, found '-1s'", e.getMessage());
  }
}
