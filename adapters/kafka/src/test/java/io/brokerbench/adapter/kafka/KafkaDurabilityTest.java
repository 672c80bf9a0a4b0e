package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.broker.LocalBrokerConfig;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.TargetInfo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The guarantee kafka states for acks, replication, min.insync.replicas and flush, on known and unknown brokers. */
class KafkaDurabilityTest {
  /** The server config of a broker the harness starts. */
  private static final Optional<Map<String, String>> HARNESS_BROKER =
      Optional.of(new LocalBrokerConfig(1, 9092, 9093, Path.of("data"), Map.of()).properties());
  private static final Optional<Map<String, String>> EXTERNAL_BROKER = Optional.empty();

  private static KafkaDurability durability(Map<String, ?> settings, Optional<Map<String, String>> broker) {
    return KafkaDurability.of(KafkaTargetSettingsTest.parse(settings), broker);
  }

  private static Guarantee guarantee(Map<String, ?> settings) {
    return durability(settings, HARNESS_BROKER).guarantee();
  }

  private static Map<String, Object> with(Map<String, ?> base, Object... nameValues) {
    Map<String, Object> out = new HashMap<>(base);
    for (int i = 0; i < nameValues.length; i += 2) out.put((String) nameValues[i], nameValues[i + 1]);
    return out;
  }

  private static void assertGuarantee(ConfirmPoint when, int replicas, Survival kill, Survival powerLoss, Guarantee g) {
    assertEquals(when, g.confirmedWhen(), g::toString);
    assertEquals(replicas, g.replicas(), g::toString);
    assertEquals(kill, g.brokerKill(), g::toString);
    assertEquals(powerLoss, g.powerLoss(), g::toString);
  }

  @Test
  void theDefaultsOnABrokerTheHarnessStartsConfirmFromThePageCache() {
    Guarantee g = guarantee(Map.of());
    assertGuarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, g);
    assertEquals("producer.acks=all, topic.replication-factor=1, min.insync.replicas=1, flush.messages=none (Kafka's default)",
        g.basis());
  }

  @Test
  void topicFlushAlwaysConfirmsAfterTheFsyncAndSurvivesAPowerLoss() {
    Guarantee g = guarantee(Map.of("topic.flush", "always"));
    assertGuarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, g);
    assertTrue(g.basis().endsWith("flush.messages=1"), g.basis());
  }

  @Test
  void flushMessagesOneInTopicConfigsCountsLikeTopicFlushAlways() {
    assertTrue(guarantee(Map.of("topic.configs", "flush.messages=1")).sameAs(guarantee(Map.of("topic.flush", "always"))));
    // A flush every 1000 records or every 10 ms still confirms before the fsync.
    assertGuarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED,
        guarantee(Map.of("topic.configs", "flush.messages=1000,flush.ms=10")));
  }

  @Test
  void aBrokerWideFlushPerMessageCountsUnlessTheTopicOverridesIt() {
    Map<String, String> flushing = new HashMap<>(HARNESS_BROKER.orElseThrow());
    flushing.put("log.flush.interval.messages", "1");
    assertEquals(ConfirmPoint.FSYNC, durability(Map.of(), Optional.of(flushing)).guarantee().confirmedWhen());
    assertEquals(ConfirmPoint.PAGE_CACHE,
        durability(Map.of("topic.configs", "flush.messages=500"), Optional.of(flushing)).guarantee().confirmedWhen());
  }

  @Test
  void acksZeroConfirmsNothing() {
    Guarantee g = guarantee(Map.of("producer.acks", "0", "producer.idempotence", false, "topic.flush", "always"));
    assertGuarantee(ConfirmPoint.NOT_CONFIRMED, 0, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED, g);
    assertEquals("producer.acks=0", g.basis());
  }

  @Test
  void acksOneOnASingleReplicaIsTheLeadersPageCache() {
    assertTrue(guarantee(Map.of("producer.acks", "1", "producer.idempotence", false)).sameAs(guarantee(Map.of())));
  }

  @Test
  void acksAllWithMinInsyncReplicasTwoIsReplicatedToTwoAndSurvivesAPowerLossWithoutFsync() {
    Guarantee g = guarantee(Map.of("topic.replication-factor", 3, "topic.configs", "min.insync.replicas=2"));
    assertGuarantee(ConfirmPoint.REPLICATED, 2, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, g);
    assertTrue(g.basis().contains("topic.replication-factor=3, min.insync.replicas=2"), g.basis());
  }

  @Test
  void acksAllWithMinInsyncReplicasOneIsPromisedOneCopyHoweverManyReplicas() {
    // The in-sync set may shrink to the leader alone, which then confirms by itself.
    assertGuarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED,
        guarantee(Map.of("topic.replication-factor", 3)));
  }

  @Test
  void acksOneWithFollowersLosesConfirmedRecordsWhenTheLeaderFailsOver() {
    Guarantee g = guarantee(Map.of("producer.acks", "1", "producer.idempotence", false, "topic.replication-factor", 3,
        "topic.flush", "always"));
    assertGuarantee(ConfirmPoint.FSYNC, 1, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED, g);
  }

  @Test
  void eachSettingThatDecidesTheGuaranteeChangesItWhenFlipped() {
    Map<String, Object> replicated = Map.of("topic.replication-factor", 3, "topic.configs", "min.insync.replicas=2");
    Guarantee base = guarantee(replicated);
    assertFalse(base.sameAs(guarantee(with(replicated, "producer.acks", "1", "producer.idempotence", false))), "acks 1");
    assertFalse(base.sameAs(guarantee(with(replicated, "producer.acks", "0", "producer.idempotence", false))), "acks 0");
    assertFalse(base.sameAs(guarantee(with(replicated, "topic.configs", "min.insync.replicas=1"))), "min.insync.replicas");
    assertFalse(base.sameAs(guarantee(with(replicated, "topic.configs", "min.insync.replicas=3"))), "min.insync.replicas 3");
    Guarantee single = guarantee(Map.of());
    assertFalse(single.sameAs(guarantee(Map.of("topic.flush", "always"))), "topic.flush");
    assertFalse(guarantee(Map.of("producer.acks", "1", "producer.idempotence", false)).sameAs(
        guarantee(Map.of("producer.acks", "1", "producer.idempotence", false, "topic.replication-factor", 2))), "replication");
    // Negative control: batching and compression change how fast, not what is promised.
    assertTrue(single.sameAs(guarantee(Map.of("producer.linger", "50ms", "producer.compression", "lz4"))), "linger");
  }

  @Test
  void onAnExternalBrokerUnknownConfigsAreTakenAtTheirWeakestAndTheBasisSaysSo() {
    KafkaDurability external = durability(Map.of("topic.replication-factor", 3), EXTERNAL_BROKER);
    Guarantee g = external.guarantee();
    assertGuarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, g);
    assertTrue(g.basis().contains("min.insync.replicas=unknown (external broker; taken as 1)"), g.basis());
    assertTrue(g.basis().contains("flush.messages=unknown (external broker; taken as no fsync before the acknowledgement)"),
        g.basis());
    assertEquals(Map.of("topic.min.insync.replicas", "unknown (the external broker's min.insync.replicas)",
        "topic.flush.messages", "unknown (the external broker's log.flush.interval.messages)"), external.appliedSettings());
  }

  @Test
  void topicConfigsMakeAnExternalBrokersGuaranteeKnown() {
    Guarantee g = durability(Map.of("topic.replication-factor", 3, "topic.flush", "always",
        "topic.configs", "min.insync.replicas=2"), EXTERNAL_BROKER).guarantee();
    assertGuarantee(ConfirmPoint.REPLICATED, 2, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, g);
    assertFalse(g.basis().contains("unknown"), g.basis());
  }

  @Test
  void minInsyncReplicasReadsNotApplicableUnlessAcksAll() {
    assertEquals(Map.of("topic.min.insync.replicas", "1", "topic.flush.messages", Long.toString(Long.MAX_VALUE)),
        durability(Map.of(), HARNESS_BROKER).appliedSettings());
    assertEquals(TargetInfo.notApplicable("producer.acks=1 waits for no in-sync replicas"),
        durability(Map.of("producer.acks", "1", "producer.idempotence", false), HARNESS_BROKER).appliedSettings()
            .get("topic.min.insync.replicas"));
    assertEquals("1", durability(Map.of("topic.flush", "always"), HARNESS_BROKER).appliedSettings().get("topic.flush.messages"));
  }

  @Test
  void minInsyncReplicasAboveTheReplicationFactorIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new KafkaDurability("all", 1, OptionalInt.of(2), OptionalLong.of(KafkaDurability.NO_FLUSH)));
  }
}
