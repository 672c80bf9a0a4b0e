package io.brokerbench.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void allocatesDistinctPortsThatCanBeBoundOnLoopback() throws Exception {
    List<Integer> ports = FreePorts.allocate(5);
    assertEquals(5, new HashSet<>(ports).size());
    for (int port : ports) {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        assertTrue(s.isBound());
      }
    }
  }

  @Test
  void rejectsCountsOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> FreePorts.allocate(0));
    assertThrows(IllegalArgumentException.class, () -> FreePorts.allocate(65));
  }

  @Test
  void tcpProbeSeesAListenerAndNoLongerAfterItCloses() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = s.getLocalPort();
      assertTrue(TcpProbe.acceptsOnLoopback(port, 500));
    }
    assertFalse(TcpProbe.acceptsOnLoopback(port, 500));
  }
}
