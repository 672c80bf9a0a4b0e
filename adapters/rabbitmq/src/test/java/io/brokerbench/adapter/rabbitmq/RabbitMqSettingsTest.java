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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
  void removalSettingsAreOffByDefault() {
    RabbitMqSettings s = RabbitMqSettings.from(Settings.defaults(provider.settings()));
    assertEquals(QueueLimits.NONE, s.limits());
    assertFalse(s.limits().deadLetters());
    assertEquals("queue.max-length is not set", s.withoutEffect().get("queue.overflow"));
  }

  @Test
  void removalSettingsAreTypedAndAnyLimitDeadLetters() {
    RabbitMqSettings s = RabbitMqSettings.from(Settings.of(provider.settings(), Map.of("queue", Map.of(
        "type", "quorum", "message-ttl", "1500ms", "max-length", 20, "overflow", "reject-publish", "delivery-limit", 2))));
    assertEquals(new QueueLimits(Optional.of(Duration.ofMillis(1500)), OptionalLong.of(20),
        QueueLimits.Overflow.REJECT_PUBLISH, OptionalLong.of(2), false), s.limits());
    assertTrue(s.limits().deadLetters());
    assertFalse(s.withoutEffect().containsKey("queue.overflow"));
    for (String limit : List.of("queue.message-ttl=10s", "queue.max-length=0", "queue.delivery-limit=0")) {
      String[] kv = limit.split("=");
      RabbitMqSettings one = RabbitMqSettings.from(Settings.of(provider.settings(), Map.of("queue.type", "quorum", kv[0], kv[1])));
      assertTrue(one.limits().deadLetters(), limit + " dead-letters");
    }
    RabbitMqSettings asked = RabbitMqSettings.from(Settings.of(provider.settings(), Map.of("queue.dead-letter", true)));
    assertTrue(asked.limits().deadLetters());
    assertFalse(asked.limits().anyLimit());
  }

  @Test
  void malformedRemovalValuesStopTheScenarioAtTheirSetting() {
    Map<String, Object> bad = Map.of(
        "queue.message-ttl", "1500us",
        "queue.max-length", -1,
        "queue.delivery-limit", -2,
        "queue.overflow", "drop-tail");
    bad.forEach((name, value) -> {
      SettingsException e = assertThrows(SettingsException.class, () -> Settings.of(provider.settings(), Map.of(name, value)),
          name + "=" + value);
      assertEquals(name, e.setting());
    });
    assertThrows(SettingsException.class, () -> Settings.of(provider.settings(), Map.of("queue.message-ttl", "4294968s")));
    Settings.of(provider.settings(), Map.of("queue.message-ttl", "4294967295ms"));
  }

  @Test
  void removalSettingsAQueueTypeDoesNotSupportAreRefusedWithTheReason() {
    IllegalArgumentException classicLimit = assertThrows(IllegalArgumentException.class, () -> RabbitMqSettings.from(
        Settings.of(provider.settings(), Map.of("queue.delivery-limit", 3))));
    assertEquals("queue.delivery-limit needs queue.type quorum (RabbitMQ counts deliveries on quorum queues only), "
        + "found queue.type classic", classicLimit.getMessage());
    IllegalArgumentException streamTtl = assertThrows(IllegalArgumentException.class, () -> RabbitMqSettings.from(
        Settings.of(provider.settings(), Map.of("queue.type", "stream", "queue.message-ttl", "1s"))));
    assertTrue(streamTtl.getMessage().startsWith("queue.message-ttl is not supported by queue.type stream"),
        streamTtl.getMessage());
    for (Map<String, Object> onStream : List.<Map<String, Object>>of(Map.of("queue.max-length", 5),
        Map.of("queue.dead-letter", true))) {
      Map<String, Object> raw = new java.util.HashMap<>(onStream);
      raw.put("queue.type", "stream");
      assertThrows(IllegalArgumentException.class, () -> RabbitMqSettings.from(Settings.of(provider.settings(), raw)),
          onStream.toString());
    }
    assertThrows(IllegalArgumentException.class, () -> RabbitMqSettings.from(Settings.of(provider.settings(),
        Map.of("queue.type", "quorum", "queue.max-length", 5, "queue.overflow", "reject-publish-dlx"))));
    RabbitMqSettings.from(Settings.of(provider.settings(), Map.of("queue.max-length", 5, "queue.overflow", "reject-publish-dlx")));
  }

  @Test
  void providerIsFoundByServiceLoader() {
    assertTrue(ServiceLoader.load(TargetProvider.class).stream()
        .anyMatch(p -> p.type() == RabbitMqTargetProvider.class));
    assertEquals("rabbitmq", provider.name());
  }
}
