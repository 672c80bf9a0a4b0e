package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each persistence setting that changes the guarantee, flipped, changes the recorded guarantee. */
class RedisGuaranteeTest {

  private static Guarantee of(boolean appendOnly, AppendFsync fsync) {
    return RedisGuarantee.of(Persistence.ofServerStartedHere(appendOnly, fsync));
  }

  private static void assertPromise(Guarantee g, ConfirmPoint when, Survival kill, Survival power) {
    assertEquals(new Guarantee(when, 1, kill, power, g.basis()), g);
  }

  @Test
  void appendfsyncAlwaysConfirmsAfterFsync() {
    Guarantee g = of(true, AppendFsync.ALWAYS);
    assertPromise(g, ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED);
    assertEquals("appendonly=yes, appendfsync=always, no-appendfsync-on-rewrite=no, save=\"\": the append-only file is"
        + " written and fsynced before the reply", g.basis());
  }

  @Test
  void appendfsyncEverysecConfirmsFromThePageCacheAndAKillMayLoseWhatASlowFsyncPostponed() {
    Guarantee g = of(true, AppendFsync.EVERYSEC);
    assertPromise(g, ConfirmPoint.PAGE_CACHE, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED);
    assertTrue(g.basis().contains("up to about 1 s"), g.basis());
    assertTrue(g.basis().contains("postpones the write for up to 2 s"), g.basis());
  }

  @Test
  void appendfsyncNoConfirmsFromThePageCacheAndSurvivesAKill() {
    assertPromise(of(true, AppendFsync.NO), ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED);
  }

  @Test
  void flippingAppendfsyncChangesTheGuaranteeEachTime() {
    Guarantee always = of(true, AppendFsync.ALWAYS);
    Guarantee everysec = of(true, AppendFsync.EVERYSEC);
    Guarantee no = of(true, AppendFsync.NO);
    assertFalse(always.sameAs(everysec));
    assertFalse(everysec.sameAs(no));
    assertFalse(no.sameAs(always));
  }

  @Test
  void withoutTheAppendOnlyFileAServerStartedHereHoldsMessagesInMemoryOnly() {
    Guarantee g = of(false, AppendFsync.ALWAYS);
    assertEquals(Guarantee.inMemory(
        "appendonly=no, appendfsync=always, no-appendfsync-on-rewrite=no, save=\"\": memory only, no append-only file or"
            + " snapshots"), g);
    assertFalse(g.sameAs(of(true, AppendFsync.ALWAYS)), "appendonly decides");
  }

  @Test
  void snapshotsWithoutTheAppendOnlyFileKeepTheLastSnapshot() {
    Guarantee g = RedisGuarantee.of(new Persistence(false, AppendFsync.EVERYSEC, false, "3600 1 300 100 60 10000"));
    assertPromise(g, ConfirmPoint.RECEIVED, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED);
    assertTrue(g.basis().contains("last RDB snapshot"), g.basis());
  }

  @Test
  void noFsyncDuringRewritesWeakensAlwaysToThePageCache() {
    Guarantee g = RedisGuarantee.of(new Persistence(true, AppendFsync.ALWAYS, true, ""));
    assertPromise(g, ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED);
    assertTrue(g.basis().contains("child process rewrites"), g.basis());
  }

  @Test
  void persistenceIsReadFromConfigGetAndAnUnreadableOneIsUnknownWithTheReason() {
    Persistence p = Persistence.fromConfig(Map.of("appendonly", "yes", "appendfsync", "always",
        "no-appendfsync-on-rewrite", "no", "save", ""));
    assertEquals(Persistence.ofServerStartedHere(true, AppendFsync.ALWAYS), p);
    Guarantee unknown = RedisGuarantee.unknown("CONFIG GET failed: NOPERM");
    assertEquals(ConfirmPoint.UNSTATED, unknown.confirmedWhen());
    assertEquals("the server's persistence is unknown: CONFIG GET failed: NOPERM", unknown.basis());
  }
}
