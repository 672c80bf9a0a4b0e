package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RabbitMqGuaranteeTest {
  private static final Guarantee DEFAULTS = RabbitMqGuarantee.of(QueueType.CLASSIC, true, true, true);

  private static void assertGuarantee(ConfirmPoint when, int replicas, Survival kill, Survival power, Guarantee g) {
    assertEquals(new Guarantee(when, replicas, kill, power, g.basis()), g);
  }

  @Test
  void persistentMessagesOnDurableClassicQueuesAreConfirmedAfterFsyncAndSurviveKillAndPowerLoss() {
    assertGuarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, DEFAULTS);
    assertEquals("queue.type=classic, queue.durable=true, message.persistent=true, producer.confirms=true",
        DEFAULTS.basis());
  }

  @Test
  void transientMessagesAreConfirmedInMemoryAndLostByAnyRestart() {
    Guarantee g = RabbitMqGuarantee.of(QueueType.CLASSIC, true, false, true);
    assertGuarantee(ConfirmPoint.RECEIVED, 1, Survival.NONE, Survival.NONE, g);
    assertFalse(g.sameAs(DEFAULTS), "message.persistent changes the guarantee");
  }

  @Test
  void aTransientQueueLosesEvenPersistentMessagesAndIgnoresTheFlag() {
    Guarantee persistent = RabbitMqGuarantee.of(QueueType.CLASSIC, false, true, true);
    assertGuarantee(ConfirmPoint.RECEIVED, 1, Survival.NONE, Survival.NONE, persistent);
    assertFalse(persistent.sameAs(DEFAULTS), "queue.durable changes the guarantee");
    assertEquals(persistent, RabbitMqGuarantee.of(QueueType.CLASSIC, false, false, true));
    assertEquals("queue.type=classic, queue.durable=false, producer.confirms=true", persistent.basis());
  }

  @Test
  void withoutConfirmsNothingIsConfirmedAndOnlyWhatReachedTheDiskSurvives() {
    Guarantee g = RabbitMqGuarantee.of(QueueType.CLASSIC, true, true, false);
    assertGuarantee(ConfirmPoint.NOT_CONFIRMED, 0, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED, g);
    assertFalse(g.sameAs(DEFAULTS), "producer.confirms changes the guarantee");
    assertGuarantee(ConfirmPoint.NOT_CONFIRMED, 0, Survival.NONE, Survival.NONE,
        RabbitMqGuarantee.of(QueueType.CLASSIC, true, false, false));
  }

  @Test
  void quorumQueuesFsyncEveryMessageWhateverItsDeliveryMode() {
    Guarantee persistent = RabbitMqGuarantee.of(QueueType.QUORUM, true, true, true);
    assertGuarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, persistent);
    assertEquals(persistent, RabbitMqGuarantee.of(QueueType.QUORUM, true, false, true));
    assertEquals("queue.type=quorum, producer.confirms=true", persistent.basis());
    assertFalse(RabbitMqGuarantee.of(QueueType.QUORUM, true, true, false).sameAs(persistent),
        "producer.confirms changes the guarantee of a quorum queue");
  }

  @Test
  void streamsConfirmFromThePageCache() {
    Guarantee g = RabbitMqGuarantee.of(QueueType.STREAM, true, false, true);
    assertGuarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, g);
    assertFalse(g.sameAs(DEFAULTS), "queue.type changes the guarantee");
    assertEquals(g, RabbitMqGuarantee.of(QueueType.STREAM, true, true, true));
  }

  @Test
  void settingsWithoutEffectAreNamedWithTheirReason() {
    RabbitMqTargetProvider provider = new RabbitMqTargetProvider();
    Map<String, String> defaults = RabbitMqSettings.from(Settings.defaults(provider.settings())).withoutEffect();
    assertFalse(defaults.containsKey("message.persistent"), defaults.toString());
    assertFalse(defaults.containsKey("producer.max-in-flight"), defaults.toString());
    assertEquals("only a stream queue is read from an offset", defaults.get("stream.offset"));

    Map<String, String> quorumUnconfirmed = RabbitMqSettings.from(Settings.of(provider.settings(),
        Map.of("queue.type", "quorum", "producer.confirms", false))).withoutEffect();
    assertEquals("quorum queues write every message to disk", quorumUnconfirmed.get("message.persistent"));
    assertEquals("publisher confirms are off: a send is never in flight", quorumUnconfirmed.get("producer.max-in-flight"));

    RabbitMqSettings transientQueue = RabbitMqSettings.from(Settings.of(provider.settings(), Map.of("queue.durable", false)));
    assertEquals("a transient queue and its messages are gone after a restart",
        transientQueue.withoutEffect().get("message.persistent"));
    RabbitMqSettings stream = RabbitMqSettings.from(Settings.of(provider.settings(), Map.of("queue.type", "stream")));
    assertFalse(stream.withoutEffect().containsKey("stream.offset"));
  }
}
