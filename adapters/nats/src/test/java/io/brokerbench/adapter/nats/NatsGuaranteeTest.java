package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import org.junit.jupiter.api.Test;

/** Each setting that changes the guarantee, flipped, changes the recorded guarantee. */
class NatsGuaranteeTest {
  private static final ServerVersion V29 = ServerVersion.parse("2.9.10");
  private static final ServerVersion V210 = ServerVersion.parse("2.10.22");

  @Test
  void fileStorageIsConfirmedFromThePageCacheAndSurvivesAKillButNotAPowerLoss() {
    Guarantee g = NatsGuarantee.of(StreamStorage.FILE, null, V29, true);
    assertEquals(new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, g.basis()), g);
    assertEquals("stream.storage=file, nats-server 2.9.10: written to the page cache before the publish ack; fsynced"
        + " every 2m on the server's own timer (no setting before 2.10.0)", g.basis());
  }

  @Test
  void memoryStorageLosesEverythingOnAKill() {
    Guarantee memory = NatsGuarantee.of(StreamStorage.MEMORY, null, V29, true);
    assertEquals(Guarantee.inMemory("stream.storage=memory"), memory);
    assertFalse(memory.sameAs(NatsGuarantee.of(StreamStorage.FILE, null, V29, true)), "storage decides");
  }

  @Test
  void syncAlwaysConfirmsAfterFsync() {
    Guarantee always = NatsGuarantee.of(StreamStorage.FILE, SyncPolicy.parse("always"), V210, true);
    assertEquals(ConfirmPoint.FSYNC, always.confirmedWhen());
    assertEquals(Survival.ALL_CONFIRMED, always.powerLoss());
    assertTrue(always.basis().contains("fsync=always"), always.basis());
    assertFalse(always.sameAs(NatsGuarantee.of(StreamStorage.FILE, null, V210, true)), "sync decides");
  }

  @Test
  void aSyncIntervalIsNamedInTheBasisAndKeepsThePageCacheGuarantee() {
    Guarantee interval = NatsGuarantee.of(StreamStorage.FILE, SyncPolicy.parse("100ms"), V210, true);
    Guarantee serverDefault = NatsGuarantee.of(StreamStorage.FILE, null, V210, true);
    assertTrue(interval.sameAs(serverDefault));
    assertTrue(interval.basis().endsWith("fsynced every 100ms (fsync=interval(100ms))"), interval.basis());
    assertTrue(serverDefault.basis().endsWith("fsynced every 2m (the default jetstream.sync_interval)"),
        serverDefault.basis());
  }

  @Test
  void anExternalServersIntervalIsNotVisibleAndTheBasisSaysSo() {
    Guarantee external = NatsGuarantee.of(StreamStorage.FILE, null, V210, false);
    assertEquals(ConfirmPoint.PAGE_CACHE, external.confirmedWhen());
    assertTrue(external.basis().contains("which clients cannot see"), external.basis());
  }
}
