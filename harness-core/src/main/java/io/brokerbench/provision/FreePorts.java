package io.brokerbench.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1 for child brokers.
 *
 * <p>A port is found by binding port 0 and releasing it, so another process may take it between
 * this call and the broker's bind (rare; the broker then fails to start with an address-in-use
 * error in its log). Ports of one {@link #allocate(int)} call are distinct. Thread-safe.
 */
public final class FreePorts {
  private FreePorts() {}

  /** One free port on 127.0.0.1, in the ephemeral range the kernel hands out. */
  public static int allocate() {
    return allocate(1).get(0);
  }

  /**
   * {@code count} distinct free ports on 127.0.0.1, all held open until every one is found.
   *
   * @param count between 1 and 64
   */
  public static List<Integer> allocate(int count) {
    if (count < 1 || count > 64) throw new IllegalArgumentException("count must be between 1 and 64, was " + count);
    List<ServerSocket> held = new ArrayList<>(count);
    try {
      List<Integer> ports = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        held.add(socket);
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ports.add(socket.getLocalPort());
      }
      return List.copyOf(ports);
    } catch (IOException e) {
      throw new UncheckedIOException("could not find " + count + " free ports on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a bound, unconnected server socket does not fail in practice.
        }
      }
    }
  }
}
