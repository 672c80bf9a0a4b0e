package io.brokerbench.adapter.builtin.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.testing.SettingBoundaries.Edge;
import io.brokerbench.testing.SettingBoundaries;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every log-engine setting's range is what the engine accepts, and validation enforces it. */
class LogEngineSettingRangesTest {
  static final LogEngineProvider PROVIDER = new LogEngineProvider();
  static final TopologyPlan PLAN = new TopologyPlan("t1", Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of())),
      ConsumerPlan.partitioned(1, 10, AckMode.MANUAL), 1, List.of(new MessageVariant("", Map.of())));

  @TempDir Path dir;

  static List<Edge> edges() {
    return SettingBoundaries.of(PROVIDER.settings());
  }

  /**
   * Both ends of each range open the engine, declare its topic and start a consumer; one step
   * beyond is refused. The most free disk one can ask for is accepted, but no disk has that much,
   * so that one is only parsed.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void theEngineTakesEveryRangeEndAndValidationRefusesWhatLiesBeyond(Edge edge) throws Exception {
    Map<String, Object> raw = new HashMap<>(Map.of("consumer.commit", "auto", "compaction", true));
    raw.put(edge.spec().name(), edge.value());
    if (!edge.inRange()) {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), raw));
      assertEquals(edge.spec().name(), e.setting());
      return;
    }
    Settings settings = Settings.of(PROVIDER.settings(), raw);
    if (edge.spec().name().equals("min-free-disk") && !edge.value().equals("0B")) {
      LogEngineSettings.parse(settings);
      return;
    }
    try (Target t = PROVIDER.create(new TargetContext("t1", dir, System::nanoTime, line -> {}), settings)) {
      t.open();
      t.declare(PLAN);
      t.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), d -> {}).close();
    }
  }

  @Test
  void everyNumberDeclaresItsRange() {
    assertEquals(List.of(), SettingBoundaries.withoutRange(PROVIDER.settings()));
  }

  @Test
  void aSegmentBeyondAGibibyteFailsValidationAndAGibibytePasses() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("segment.size", "2GiB")));
    assertEquals("setting 'segment.size' expects a size from 1KiB to 1GiB, found '2GiB'", e.getMessage());
    LogEngineSettings.parse(Settings.of(PROVIDER.settings(), Map.of("segment.size", "1GiB")));
  }

  @Test
  void anFsyncIntervalOfZeroIsRefusedAtValidation() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(0ms)")));
    assertEquals("setting 'fsync' expects always, never or interval(d) with d a duration from 1ms to 168h in whole"
        + " milliseconds, found 'interval(0ms)': not one of these", e.getMessage());
    assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(604800001ms)")));
    assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), Map.of("fsync", "sometimes")));
    LogEngineSettings.parse(Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(1ms)")));
    LogEngineSettings.parse(Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(604800000ms)")));
  }

  @Test
  void aBatchAboveTheEnginesLargestIsRefused() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("producer.batch-size", "65MiB")));
    assertEquals("setting 'producer.batch-size' expects a size from 64B to 64MiB, found '65MiB'", e.getMessage());
  }
}
