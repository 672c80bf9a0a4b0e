package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncPolicyTest {

  @Test
  void alwaysAndDurationsParseAndBecomeServerConfigurationValues() {
    assertEquals(new SyncPolicy(true, null), SyncPolicy.parse("always"));
    assertEquals("always", SyncPolicy.parse("always").configValue());
    assertEquals(new SyncPolicy(false, Duration.ofMillis(250)), SyncPolicy.parse("250ms"));
    assertEquals("\"250ms\"", SyncPolicy.parse("250ms").configValue());
    assertEquals("\"120s\"", SyncPolicy.parse("2m").configValue());
  }

  @Test
  void anythingElseIsRefusedSayingWhatIsExpected() {
    assertEquals(SyncPolicy.EXPECTED, SyncPolicy.check("sometimes"));
    assertEquals(SyncPolicy.EXPECTED, SyncPolicy.check("0s"));
    assertNull(SyncPolicy.check("1s"));
    assertThrows(IllegalArgumentException.class, () -> SyncPolicy.parse("-1s"));
  }

  @Test
  void onlyServersFrom210ApplyIt() {
    SyncPolicy.requireSupportedBy(ServerVersion.parse("2.10.0"));
    SyncPolicy.requireSupportedBy(ServerVersion.parse("2.11.4"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyncPolicy.requireSupportedBy(ServerVersion.parse("nats-server: v2.9.10")));
    assertEquals("setting fsync needs nats-server 2.10.0 or later (jetstream.sync_interval); this server is 2.9.10,"
        + " which fsyncs file storage every 2 minutes on its own timer; remove the setting to run on it", e.getMessage());
  }
}
