package io.brokerbench.scenario;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingType;
import java.util.List;
import java.util.Map;

/** The targets the scenario tests know: a settings-free one and one with nested settings. */
final class TestTargets {
  private TestTargets() {}

  static final Map<String, List<SettingSpec>> KNOWN = Map.of(
      "loopback", List.of(),
      "queue-engine", List.of(
          SettingSpec.of("durable", SettingType.BOOLEAN, "false", "write messages to disk before confirming"),
          SettingSpec.of("stall.every", SettingType.DURATION, null, "pause the engine this often"),
          SettingSpec.choice("mode", "embedded", "how the engine is reached", "embedded", "amqp")));

  static ScenarioLoader loader() {
    return new ScenarioLoader(KNOWN);
  }
}
