package io.brokerbench.adapter.redis.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Whether a Redis server on 127.0.0.1 serves commands: it answers {@code PING} with {@code +PONG}.
 * A server that accepts connections but still loads its append-only file answers {@code -LOADING}
 * instead, so this is the readiness check of a private server, also after a restart. Stateless and
 * thread-safe; speaks the inline form of the protocol, without a client library.
 */
final class PingProbe {
  private PingProbe() {}

  /**
   * Whether the server on 127.0.0.1:{@code port} answers {@code PING} with {@code +PONG} within
   * {@code timeoutMillis} (1 or more) for the connection and as much again for the answer. Never
   * throws for a server that is absent, not ready or not Redis: that is {@code false}.
   */
  static boolean pongOnLoopback(int port, int timeoutMillis) {
    if (timeoutMillis < 1) throw new IllegalArgumentException("timeoutMillis must be >= 1, was " + timeoutMillis);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return "+PONG".equals(readLine(socket.getInputStream()));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 256) {
      if (c != '\r') line.append((char) c);
    }
    return line.toString();
  }
}
