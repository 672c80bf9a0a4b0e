package io.brokerbench.adapter.builtin.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarantee queue-engine states for its settings, and the settings it marks not applicable. */
class QueueEngineGuaranteeTest {
  private static final QueueEngineTargetProvider PROVIDER = new QueueEngineTargetProvider();
  private static final Map<String, Object> JOURNALED = Map.of("queue.durable", true, "message.persistent", true, "fsync", "always");

  @TempDir Path work;

  private static QueueEngineSettings settings(Map<String, ?> values) {
    return QueueEngineSettings.from(Settings.of(PROVIDER.settings(), values));
  }

  private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
    Map<String, Object> out = new HashMap<>(base);
    out.put(name, value);
    return out;
  }

  private static void assertGuarantee(ConfirmPoint when, Survival kill, Survival powerLoss, Guarantee g) {
    assertEquals(when, g.confirmedWhen(), g::toString);
    assertEquals(kill, g.brokerKill(), g::toString);
    assertEquals(powerLoss, g.powerLoss(), g::toString);
  }

  @Test
  void persistentMessagesOnDurableQueuesWithFsyncAlwaysAreConfirmedAfterTheForceAndSurviveEverything() {
    Guarantee g = settings(JOURNALED).guarantee();
    assertGuarantee(ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, g);
    assertEquals(1, g.replicas());
    assertEquals("queue.durable=true, message.persistent=true, fsync=always", g.basis());
  }

  @Test
  void fsyncIntervalStillConfirmsAfterTheForce() {
    Guarantee g = settings(with(JOURNALED, "fsync", "interval(200ms)")).guarantee();
    assertGuarantee(ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, g);
    assertTrue(g.basis().contains("fsync=interval(200ms)"), g.basis());
  }

  @Test
  void fsyncNeverConfirmsFromThePageCacheWhichSurvivesAKillButNotAPowerLoss() {
    Guarantee g = settings(with(JOURNALED, "fsync", "never")).guarantee();
    assertGuarantee(ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, g);
  }

  @Test
  void withoutPersistentMessagesOrWithoutDurableQueuesEverythingIsInMemory() {
    for (Map<String, Object> values : List.of(Map.<String, Object>of(), with(JOURNALED, "message.persistent", false),
        with(JOURNALED, "queue.durable", false))) {
      Guarantee g = settings(values).guarantee();
      assertGuarantee(ConfirmPoint.RECEIVED, Survival.NONE, Survival.NONE, g);
      assertTrue(g.sameAs(Guarantee.inMemory("")), g::toString);
    }
  }

  @Test
  void eachSettingThatDecidesTheGuaranteeChangesItWhenFlipped() {
    Guarantee journaled = settings(JOURNALED).guarantee();
    assertFalse(journaled.sameAs(settings(with(JOURNALED, "message.persistent", false)).guarantee()), "message.persistent");
    assertFalse(journaled.sameAs(settings(with(JOURNALED, "queue.durable", false)).guarantee()), "queue.durable");
    assertFalse(journaled.sameAs(settings(with(JOURNALED, "fsync", "never")).guarantee()), "fsync");
    // Negative control: a setting that has nothing to do with durability leaves it as it is.
    assertTrue(journaled.sameAs(settings(with(JOURNALED, "queue.max-length", 10)).guarantee()), "queue.max-length");
  }

  @Test
  void withoutPersistentMessagesTheJournalSettingsReadNotApplicable() {
    Map<String, String> na = settings(with(JOURNALED, "message.persistent", false)).inapplicableSettings();
    String reason = TargetInfo.notApplicable("no message is persistent");
    assertEquals(Map.of("fsync", reason, "segment.size", reason), na);
  }

  @Test
  void withoutDurableQueuesPersistentReadsNotApplicableToo() {
    Map<String, String> na = settings(with(JOURNALED, "queue.durable", false)).inapplicableSettings();
    assertEquals(TargetInfo.notApplicable("no queue is durable"), na.get("message.persistent"));
    assertEquals(TargetInfo.notApplicable("no queue is durable"), na.get("fsync"));
  }

  @Test
  void aJournaledRunHasEveryJournalSettingInEffect() {
    assertEquals(Map.of(), settings(JOURNALED).inapplicableSettings());
    assertEquals(Map.of(), settings(with(JOURNALED, "fsync", "interval(200ms)")).inapplicableSettings());
  }

  private TargetInfo open(Map<String, ?> values) throws Exception {
    try (Target t = PROVIDER.create(new TargetContext("g1", work, System::nanoTime, line -> { }),
        Settings.of(PROVIDER.settings(), values))) {
      return t.open();
    }
  }

  @Test
  void openStatesTheGuaranteeAndMarksFsyncNotApplicableWithoutPersistentMessages() throws Exception {
    TargetInfo transientRun = open(Map.of("queue.durable", true, "fsync", "always"));
    assertGuarantee(ConfirmPoint.RECEIVED, Survival.NONE, Survival.NONE, transientRun.guarantee());
    assertEquals(TargetInfo.notApplicable("no message is persistent"), transientRun.settings().get("fsync"));
    assertEquals("true", transientRun.settings().get("queue.durable"));

    TargetInfo journaledRun = open(JOURNALED);
    assertGuarantee(ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, journaledRun.guarantee());
    assertEquals("always", journaledRun.settings().get("fsync"));
  }
}
