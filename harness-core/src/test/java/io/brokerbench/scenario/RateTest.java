package io.brokerbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {
  @ParameterizedTest
  @CsvSource({"5000/s, 5000", "20k/s, 20000", "20K/s, 20000", "1.5M/s, 1500000", "0.5/s, 0.5", "250 / s, 250"})
  void parsesMessagesPerSecond(String text, double perSecond) {
    assertEquals(perSecond, Rate.parse(text).perSecond());
  }

  @ParameterizedTest
  @ValueSource(strings = {"max", "MAX", " max "})
  void parsesMax(String text) {
    assertTrue(Rate.parse(text).isMax());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/s", "-5/s", "0k/s"})
  void rejectsRatesNotAboveZero(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(text));
    assertTrue(e.getMessage().contains("above 0") && e.getMessage().contains(text.trim()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "5000", "5000/m", "k/s", "5000/s/s", ""})
  void rejectsMalformedRatesNamingTheForm(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(text));
    assertTrue(e.getMessage().contains("5000/s, 20k/s or max"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"5000/s", "max", "0.5/s"})
  void printsInTheFormItParses(String text) {
    assertEquals(text, Rate.parse(text).toString());
  }
}
