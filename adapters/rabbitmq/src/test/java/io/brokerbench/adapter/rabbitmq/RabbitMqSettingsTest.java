package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RabbitMqSettingsTest {
  private final RabbitMqTargetProvider provider = new RabbitMqTargetProvider();

  @Test
  void defaultsAreAutoProvisionDurableClassicQueuesWithConfirms() {
    RabbitMqSettings s = RabbitMqSettings.from(Settings.defaults(provider.settings()));
    assertEquals(ProvisionMode.AUTO, s.provision());
    assertEquals(QueueType.CLASSIC, s.queueType());
    assertTrue(s.durable());
    assertTrue(s.persistent());
    assertTrue(s.confirms());
    assertTrue(s.mandatory());
    assertFalse(s.sharedConnections());
  }

  @Test
  void nestedYamlMapsSetDottedSettings() {
    RabbitMqSettings s = RabbitMqSettings.from(Settings.of(provider.settings(),
        Map.of("provision", "external", "queue", Map.of("type", "quorum"), "connections", Map.of("shared", true))));
    assertEquals(ProvisionMode.EXTERNAL, s.provision());
    assertEquals(QueueType.QUORUM, s.queueType());
    assertTrue(s.sharedConnections());
  }

  @Test
  void transientQuorumOrStreamQueuesAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RabbitMqSettings.from(
        Settings.of(provider.settings(), Map.of("queue.type", "stream", "queue.durable", false))));
    assertEquals("queue.durable must be true for queue.type stream (RabbitMQ has no transient stream queues), found false",
        e.getMessage());
  }

  @Test
  void unknownProvisionModeIsASettingsError() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(provider.settings(), Map.of("provision", "docker")));
    assertEquals("provision", e.setting());
  }

  @Test
  void streamQueuesDoNotClaimRequeueRedeliveryOrAPrefetchBound() {
    var target = provider.create(new TargetContext("t1", Path.of("."), System::nanoTime, m -> { }),
        Settings.of(provider.settings(), Map.of("queue.type", "stream")));
    assertFalse(target.capabilities().has(Feature.REQUEUE_ON_REJECT));
    assertFalse(target.capabilities().has(Feature.REDELIVERY_ON_CONSUMER_CLOSE));
    assertFalse(target.capabilities().has(Feature.PREFETCH_BOUND));
    assertTrue(target.capabilities().has(Feature.PER_KEY_ORDER));
    target.close();
  }

  @Test
  void providerIsFoundByServiceLoader() {
    assertTrue(ServiceLoader.load(TargetProvider.class).stream()
        .anyMatch(p -> p.type() == RabbitMqTargetProvider.class));
    assertEquals("rabbitmq", provider.name());
  }
}
