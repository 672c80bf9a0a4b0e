package io.brokerbench.adapter.redis.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.adapter.redis.AppendFsync;
import io.brokerbench.adapter.redis.Persistence;
import org.junit.jupiter.api.Test;

class ServerConfigurationTest {

  @Test
  void aPrivateServerListensOnLoopbackKeepsItsDataWhereToldAndTakesNoSnapshots() {
    assertEquals("""
        # Written by brokerbench for one run.
        bind 127.0.0.1
        protected-mode yes
        port 41234
        daemonize no
        logfile ""
        dir "/tmp/run/redis-server/data"
        save ""
        appendonly yes
        appendfsync always
        no-appendfsync-on-rewrite no
        """, ServerConfiguration.of("127.0.0.1", true, 41234, "/tmp/run/redis-server/data",
        Persistence.ofServerStartedHere(true, AppendFsync.ALWAYS)).text());
  }

  @Test
  void theAppendOnlySettingsAreWrittenAsGiven() {
    String memory = ServerConfiguration.of("127.0.0.1", true, 1, "/d", Persistence.ofServerStartedHere(false,
        AppendFsync.NO)).text();
    assertEquals(true, memory.contains("appendonly no\nappendfsync no\n"), memory);
  }

  @Test
  void valuesThatWouldBreakTheFileAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ServerConfiguration("127.0.0.1", true, 1, "/d\"x", true, "no"));
    assertThrows(IllegalArgumentException.class, () -> new ServerConfiguration("127.0.0.1", true, 0, "/d", true, "no"));
    assertThrows(IllegalArgumentException.class, () -> new ServerConfiguration("127.0.0.1", true, 1, "/d", true, "often"));
  }
}
