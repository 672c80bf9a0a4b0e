package io.brokerbench.adapter.nats.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.adapter.nats.SyncPolicy;
import org.junit.jupiter.api.Test;

class ServerConfigurationTest {

  @Test
  void listensWhereToldWithJetStreamInTheStore() {
    assertEquals("""
        # Written by brokerbench for one run.
        server_name: bb-r1-00ff
        listen: "127.0.0.1:4333"
        jetstream {
          store_dir: "/tmp/run/nats-server/store"
        }
        """, new ServerConfiguration("bb-r1-00ff", "127.0.0.1", 4333, "/tmp/run/nats-server/store", null).text());
  }

  @Test
  void aSyncPolicyBecomesTheSyncInterval() {
    String always = new ServerConfiguration("n", "0.0.0.0", 4222, "/data", SyncPolicy.parse("always")).text();
    assertEquals(true, always.contains("  sync_interval: always\n"), always);
    String interval = new ServerConfiguration("n", "0.0.0.0", 4222, "/data", SyncPolicy.parse("100ms")).text();
    assertEquals(true, interval.contains("  sync_interval: \"100ms\"\n"), interval);
  }

  @Test
  void valuesThatWouldBreakTheFileAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ServerConfiguration("a b", "127.0.0.1", 1, "/d", null));
    assertThrows(IllegalArgumentException.class, () -> new ServerConfiguration("n", "127.0.0.1", 1, "/d\"x", null));
    assertThrows(IllegalArgumentException.class, () -> new ServerConfiguration("n", "127.0.0.1", 0, "/d", null));
  }
}
