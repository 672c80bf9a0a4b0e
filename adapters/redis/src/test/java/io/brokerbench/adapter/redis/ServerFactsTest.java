package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerFactsTest {

  @Test
  void versionAndModeComeFromInfoServer() {
    ServerFacts facts = ServerFacts.parse("# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:00000000\r\n"
        + "redis_mode:standalone\r\nos:Linux\r\n");
    assertEquals(new ServerFacts("7.0.15", "standalone"), facts);
    assertEquals(Optional.empty(), facts.unusableReason());
    assertThrows(IllegalArgumentException.class, () -> ServerFacts.parse("# Server\r\nos:Linux\r\n"));
  }

  @Test
  void serversWithoutXautoclaimOrInClusterModeAreRefusedSayingWhy() {
    assertTrue(new ServerFacts("6.0.16", "standalone").unusableReason().orElseThrow().contains("no XAUTOCLAIM"));
    assertEquals(Optional.empty(), new ServerFacts("6.2.0", "standalone").unusableReason());
    assertTrue(new ServerFacts("7.2.4", "cluster").unusableReason().orElseThrow().startsWith("Redis in cluster mode"));
  }
}
