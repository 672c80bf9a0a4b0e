package io.brokerbench.synthetic;


import io.brokerbench.distribution.Distribution;
import io.brokerbench.distribution.Quantity;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.testing.SettingBoundaries.Edge;
import io.brokerbench.testing.SettingBoundaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntheticSettingsTest {
  static final SyntheticProvider PROVIDER = new SyntheticProvider();

  static List<Edge> edges() {
    return SettingBoundaries.of(PROVIDER.settings());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void theTargetTakesEveryRangeEndAndValidationRefusesWhatLiesBeyond(Edge edge) {
    Map<String, Object> raw = new HashMap<>(Map.of(edge.spec().name(), edge.value()));
    // Settings that need another: a slow subscription needs an interval, a stall a longer period.
    if (edge.spec().name().equals("slow.subscription")) raw.put("slow.interval", "1ms");
    if (edge.spec().name().equals("stall.for")) raw.put("stall.every", "168h");
    if (edge.spec().name().equals("stall.for") && edge.value().equals("604800000ms")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(raw));
      assertEquals("stall.for must be shorter than stall.every", e.getMessage(), "the longest stall.for needs a longer period");
    } else if (edge.inRange()) {
      create(raw);
    } else {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), raw));
      assertEquals(edge.spec().name(), e.setting());
    }
  }

  private static void create(Map<String, Object> raw) {
    PROVIDER.create(new TargetContext("t", Path.of("."), System::nanoTime, line -> {}), Settings.of(PROVIDER.settings(), raw));
  }

  @Test
  void everyNumberDeclaresItsRange() {
    assertEquals(List.of(), SettingBoundaries.withoutRange(PROVIDER.settings()));
  }

  @Test
  void delaysLongerThanAWeekAreRefusedAndAWeekPasses() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("confirm.delay", "uniform(1ms,169h)")));
    assertEquals("setting 'confirm.delay' expects fixed(d), d, uniform(a,b) or exponential(mean), each duration such as 2ms at"
        + " most 168h, found 'uniform(1ms,169h)': 169h is longer than 168h", e.getMessage());
    Settings.of(PROVIDER.settings(), Map.of("confirm.delay", "uniform(1ms,168h)"));
  }

  @Test
  void aDelayFormSaysWhatIsWrong() {
    assertEquals("'soon' is not a duration", assertThrows(IllegalArgumentException.class,
        () -> Distribution.parse("fixed(soon)", Quantity.DURATION, Duration.ofDays(7).toNanos())).getMessage());
    assertEquals("fixed takes one duration", assertThrows(IllegalArgumentException.class,
        () -> Distribution.parse("fixed(1ms,2ms)", Quantity.DURATION, Duration.ofDays(7).toNanos())).getMessage());
  }
}
