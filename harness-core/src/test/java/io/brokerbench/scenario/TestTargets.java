package io.brokerbench.scenario;

import io.brokerbench.loopback.LoopbackProvider;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingType;
import io.brokerbench.synthetic.SyntheticProvider;
import java.util.List;
import java.util.Map;

/**
 * The targets the scenario tests know: loopback and synthetic with their real settings, and a
 * made-up {@code queue-engine} with nested settings, a range and text forms.
 */
final class TestTargets {
  private TestTargets() {}

  static final Map<String, List<SettingSpec>> KNOWN = Map.of(
      "loopback", new LoopbackProvider().settings(),
      "synthetic", new SyntheticProvider().settings(),
      "queue-engine", List.of(
          SettingSpec.of("queue.durable", SettingType.BOOLEAN, "false", "write messages to disk before confirming"),
          SettingSpec.of("stall.every", SettingType.DURATION, null, "pause the engine this often"),
          SettingSpec.choice("mode", "embedded", "how the engine is reached", "embedded", "amqp"),
          SettingSpec.size("journal.segment", "64MiB", 64 << 10, 1 << 30, "journal segment file size"),
          SettingSpec.text("uri", null, Form.uri("amqp", "amqps"), "where mode amqp connects"),
          SettingSpec.text("mirrors", null, Form.hostPorts(), "where copies go")));

  static ScenarioLoader loader() {
    return new ScenarioLoader(KNOWN);
  }
}
