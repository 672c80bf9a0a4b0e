package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.rabbitmq.provision.ContainerConfig;
import io.brokerbench.adapter.rabbitmq.provision.ExternalAddress;
import io.brokerbench.adapter.rabbitmq.provision.LocalNodeConfig;
import io.brokerbench.adapter.rabbitmq.provision.RabbitInstallation;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.testing.SettingBoundaries;
import io.brokerbench.testing.SettingBoundaries.Edge;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rabbitmq setting's range is what the target's code accepts, and validation enforces it. */
class RabbitMqSettingRangesTest {
  static List<Edge> edges() {
    return SettingBoundaries.of(RabbitMqSettings.specs());
  }

  /** Both ends of each range build the typed settings, the queue arguments, a confirm window and the provisioning configs. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void theTargetTakesEveryRangeEndAndValidationRefusesWhatLiesBeyond(Edge edge) {
    Map<String, Object> raw = new HashMap<>(Map.of(edge.spec().name(), edge.value()));
    // RabbitMQ counts deliveries on quorum queues only.
    if (edge.spec().name().equals("queue.delivery-limit")) raw.put("queue.type", "quorum");
    if (!edge.inRange()) {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(RabbitMqSettings.specs(), raw));
      assertEquals(edge.spec().name(), e.setting());
      return;
    }
    RabbitMqSettings s = RabbitMqSettings.from(Settings.of(RabbitMqSettings.specs(), raw));
    s.limits().arguments("dlx");
    new ConfirmWindow(s.maxInFlight());
    new ContainerConfig(s.containerImage(), s.startTimeout());
    new LocalNodeConfig(new RabbitInstallation(Path.of("/nonexistent"), "4.0.0"), Path.of("unused"),
        LocalNodeConfig.nodeNameFor("edge", "0"), 5672, 25672, s.startTimeout(), s.stopTimeout());
  }

  @Test
  void everyNumberDeclaresItsRange() {
    assertEquals(List.of(), SettingBoundaries.withoutRange(RabbitMqSettings.specs()));
  }

  @Test
  void aMalformedUriIsRefusedAtValidationWithoutItsPassword() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(RabbitMqSettings.specs(), Map.of("uri", "amqp://bench:s3cret@host:5672/a/b")));
    assertEquals("uri", e.setting());
    assertTrue(e.getMessage().startsWith("setting 'uri' expects a URI starting amqp:// or amqps://, found"
        + " 'amqp://bench:***@host:5672/a/b': "), e.getMessage());
    assertTrue(e.getMessage().contains("Multiple segments in path of AMQP URI"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    Settings.of(RabbitMqSettings.specs(), Map.of("uri", "amqps://bench:s3cret@host:5671/vhost"));
  }

  @Test
  void aUriWithoutHostOrWithAnotherSchemeIsRefused() {
    assertEquals("setting 'uri' expects a URI starting amqp:// or amqps://, found 'http://host:15672': scheme http",
        assertThrows(SettingsException.class, () -> Settings.of(RabbitMqSettings.specs(), Map.of("uri", "http://host:15672")))
            .getMessage());
    assertThrows(SettingsException.class, () -> Settings.of(RabbitMqSettings.specs(), Map.of("uri", "amqp:///vhost")));
    assertThrows(IllegalArgumentException.class, () -> new ExternalAddress("amqp:///vhost", "a test"));
  }

  @Test
  void aStartTimeoutBelowASecondIsRefusedAndASecondPasses() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(RabbitMqSettings.specs(), Map.of("local.start-timeout", "999ms")));
    assertEquals("setting 'local.start-timeout' expects a duration from 1s to 168h, found '999ms'", e.getMessage());
    Settings.of(RabbitMqSettings.specs(), Map.of("local.start-timeout", "1s"));
  }

  @Test
  void maxInFlightBeyondAMillionIsRefused() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(RabbitMqSettings.specs(), Map.of("producer.max-in-flight", 1_000_001)));
    assertEquals("setting 'producer.max-in-flight' expects a whole number from 1 to 1000000, found '1000001'", e.getMessage());
  }

  @Test
  void anImageThatIsNotRabbitMqIsRefusedAtValidation() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(RabbitMqSettings.specs(), Map.of("container.image", "redis:7")));
    assertEquals("setting 'container.image' expects a rabbitmq image such as rabbitmq:3.13 (repository rabbitmq or"
        + " .../rabbitmq), found 'redis:7': repository redis", e.getMessage());
  }
}
