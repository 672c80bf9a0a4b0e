package io.brokerbench.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.testing.SettingBoundaries;
import io.brokerbench.testing.SettingBoundaries.Edge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoopbackSettingsTest {
  static final LoopbackProvider PROVIDER = new LoopbackProvider();

  static List<Edge> edges() {
    return SettingBoundaries.of(PROVIDER.settings());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void theTargetTakesEveryRangeEndAndValidationRefusesWhatLiesBeyond(Edge edge) {
    Map<String, Object> raw = Map.of(edge.spec().name(), edge.value());
    if (edge.inRange()) {
      PROVIDER.create(new TargetContext("t", Path.of("."), System::nanoTime, line -> {}), Settings.of(PROVIDER.settings(), raw));
    } else {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), raw));
      assertEquals(edge.spec().name(), e.setting());
    }
  }

  @Test
  void everyNumberDeclaresItsRange() {
    assertEquals(List.of(), SettingBoundaries.withoutRange(PROVIDER.settings()));
  }

  @Test
  void aCapacityBeyondWhatAnArrayHoldsIsRefusedAtValidation() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("capacity", 1L << 31)));
    assertEquals("setting 'capacity' expects a whole number from 2 to 1073741824, found '2147483648'", e.getMessage());
    assertTrue(Settings.of(PROVIDER.settings(), Map.of("capacity", 1 << 30)).has("capacity"), "the largest passes");
  }
}
