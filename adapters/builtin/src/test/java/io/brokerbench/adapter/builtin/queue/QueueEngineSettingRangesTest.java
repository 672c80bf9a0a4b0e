package io.brokerbench.adapter.builtin.queue;

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

/** Every queue-engine setting's range is what the engine accepts, and validation enforces it. */
class QueueEngineSettingRangesTest {
  static final QueueEngineTargetProvider PROVIDER = new QueueEngineTargetProvider();
  static final TopologyPlan PLAN = new TopologyPlan("t1", Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of())),
      ConsumerPlan.partitioned(1, 10, AckMode.MANUAL), 1, List.of(new MessageVariant("", Map.of())));

  @TempDir Path work;

  static List<Edge> edges() {
    return SettingBoundaries.of(PROVIDER.settings());
  }

  /** Both ends of each range open a durable engine and declare queues with it; one step beyond is refused. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void theEngineTakesEveryRangeEndAndValidationRefusesWhatLiesBeyond(Edge edge) throws Exception {
    Map<String, Object> raw = new HashMap<>(Map.of("queue.durable", true, "message.persistent", true, "fsync", "interval(200ms)"));
    raw.put(edge.spec().name(), edge.value());
    if (!edge.inRange()) {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), raw));
      assertEquals(edge.spec().name(), e.setting());
      return;
    }
    try (Target t = PROVIDER.create(new TargetContext("t1", work, System::nanoTime, line -> {}),
        Settings.of(PROVIDER.settings(), raw))) {
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
  void aSegmentSizeTheJournalRefusesFailsValidationNamingTheRange() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("segment.size", "4KiB")));
    assertEquals("setting 'segment.size' expects a size from 64KiB to 1GiB, found '4KiB'", e.getMessage());
    Settings.of(PROVIDER.settings(), Map.of("segment.size", "64KiB"));
  }

  @Test
  void aDeliveryLimitOfZeroIsRefusedAndMinusOneMeansNone() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("queue.delivery-limit", 0)));
    assertEquals("setting 'queue.delivery-limit' expects a whole number from 1 to 2147483647, or -1 for no limit, found '0'",
        e.getMessage());
    assertEquals(-1, QueueEngineSettings.from(Settings.of(PROVIDER.settings(), Map.of("queue.delivery-limit", -1))).deliveryLimit());
  }

  @Test
  void anFsyncIntervalOverAMinuteIsRefused() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(60001ms)")));
    assertEquals("setting 'fsync' expects always, never or interval(d) with d a duration from 1ms to 60s in whole"
        + " milliseconds, found 'interval(60001ms)': the interval is out of range", e.getMessage());
    Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(1m)"));
    assertThrows(SettingsException.class, () -> Settings.of(PROVIDER.settings(), Map.of("fsync", "interval(1500us)")));
  }
}
