package io.brokerbench.provision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something accepts TCP connections at an address. Stateless and thread-safe. */
public final class TcpProbe {
  private TcpProbe() {}

  /**
   * Whether a TCP connection to {@code host}:{@code port} succeeds within {@code timeoutMillis}
   * (1 or more). Never throws for an unreachable or unresolvable address: that is {@code false}.
   */
  public static boolean accepts(String host, int port, int timeoutMillis) {
    if (timeoutMillis < 1) throw new IllegalArgumentException("timeoutMillis must be >= 1, was " + timeoutMillis);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** {@link #accepts(String, int, int)} on 127.0.0.1. */
  public static boolean acceptsOnLoopback(int port, int timeoutMillis) {
    return accepts("127.0.0.1", port, timeoutMillis);
  }
}
