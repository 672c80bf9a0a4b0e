package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

  @Test
  void readsTheVersionFromInfoAndFromVersionOutput() {
    assertEquals(new ServerVersion(2, 9, 10, "2.9.10"), ServerVersion.parse("2.9.10"));
    assertEquals(new ServerVersion(2, 9, 10, "2.9.10"), ServerVersion.parse("nats-server: v2.9.10"));
    assertEquals("2.10.0-RC.1", ServerVersion.parse("v2.10.0-RC.1").text());
    assertThrows(IllegalArgumentException.class, () -> ServerVersion.parse("nats-server"));
  }

  @Test
  void comparesByNumbersNotText() {
    assertTrue(ServerVersion.parse("2.10.0").atLeast(ServerVersion.parse("2.9.10")));
    assertFalse(ServerVersion.parse("2.9.10").atLeast(ServerVersion.SYNC_INTERVAL_SINCE));
    assertTrue(ServerVersion.parse("2.10.0-RC.1").atLeast(ServerVersion.SYNC_INTERVAL_SINCE));
    assertTrue(ServerVersion.parse("3.0.0").atLeast(ServerVersion.parse("2.99.99")));
  }
}
