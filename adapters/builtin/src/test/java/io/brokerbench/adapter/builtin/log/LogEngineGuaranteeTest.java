package io.brokerbench.adapter.builtin.log;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarantee log-engine states for its acks and fsync, and when acks reads not applicable. */
class LogEngineGuaranteeTest {
  private static final LogEngineProvider PROVIDER = new LogEngineProvider();

  @TempDir Path dir;

  private static LogEngineSettings settings(String acks, String fsync) {
    return LogEngineSettings.parse(Settings.of(PROVIDER.settings(), Map.of("producer.acks", acks, "fsync", fsync)));
  }

  private static void assertGuarantee(ConfirmPoint when, Survival kill, Survival powerLoss, Guarantee g) {
    assertEquals(when, g.confirmedWhen(), g::toString);
    assertEquals(kill, g.brokerKill(), g::toString);
    assertEquals(powerLoss, g.powerLoss(), g::toString);
    assertEquals(1, g.replicas(), g::toString);
  }

  @Test
  void theDefaultsAcknowledgeFromThePageCacheWhichSurvivesAKillButNotAPowerLoss() {
    Guarantee g = LogEngineSettings.parse(Settings.defaults(PROVIDER.settings())).guarantee();
    assertGuarantee(ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, g);
    assertEquals("producer.acks=after-write, fsync=never", g.basis());
  }

  @Test
  void afterWriteWithAnIntervalFlusherStillAcknowledgesBeforeTheForce() {
    assertGuarantee(ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED,
        settings("after-write", "interval(50ms)").guarantee());
  }

  @Test
  void afterFsyncOrFsyncAlwaysAcknowledgesAfterTheForce() {
    for (Guarantee g : new Guarantee[] {settings("after-fsync", "interval(50ms)").guarantee(),
        settings("after-fsync", "always").guarantee(), settings("after-write", "always").guarantee()}) {
      assertGuarantee(ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, g);
    }
  }

  @Test
  void flippingAcksOrFsyncChangesTheGuarantee() {
    Guarantee defaults = settings("after-write", "interval(50ms)").guarantee();
    assertFalse(defaults.sameAs(settings("after-fsync", "interval(50ms)").guarantee()), "producer.acks");
    assertFalse(defaults.sameAs(settings("after-write", "always").guarantee()), "fsync");
    // Negative control: the flush interval narrows the window of a power loss, not the promise.
    assertTrue(defaults.sameAs(settings("after-write", "interval(5000ms)").guarantee()), "fsync interval");
  }

  @Test
  void acksReadsNotApplicableUnderFsyncAlwaysOnly() {
    String na = TargetInfo.notApplicable("fsync always forces every batch before it is acknowledged");
    assertEquals(Map.of("producer.acks", na), settings("after-write", "always").inapplicableSettings());
    assertEquals(Map.of("producer.acks", na), settings("after-fsync", "always").inapplicableSettings());
    assertEquals(Map.of(), settings("after-fsync", "interval(50ms)").inapplicableSettings());
    assertEquals(Map.of(), settings("after-write", "never").inapplicableSettings());
  }

  private TargetInfo open(String acks, String fsync) throws Exception {
    try (Target t = PROVIDER.create(new TargetContext("g1", dir, System::nanoTime, line -> { }),
        Settings.of(PROVIDER.settings(), Map.of("producer.acks", acks, "fsync", fsync)))) {
      return t.open();
    }
  }

  @Test
  void openStatesTheGuaranteeOfItsSettings() throws Exception {
    TargetInfo pageCache = open("after-write", "never");
    assertGuarantee(ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, pageCache.guarantee());
    assertEquals("after-write", pageCache.settings().get("producer.acks"));

    TargetInfo forced = open("after-write", "always");
    assertGuarantee(ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, forced.guarantee());
    assertTrue(forced.settings().get("producer.acks").startsWith(TargetInfo.NOT_APPLICABLE), forced.settings().get("producer.acks"));
  }
}
