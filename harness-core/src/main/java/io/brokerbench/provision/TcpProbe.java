package io.brokerbench.provision;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Whether something accepts TCP connections at an address. Stateless and thread-safe. */
public final class TcpProbe {
  private TcpProbe() {}

  /**
   * Whether a TCP connection to {@code host}:{@code port} succeeds within {@code timeoutMillis}
   * (1 or more). Never throws for an unreachable or unresolvable address: that is {@code false}.
   */
  public static boolean accepts(String host, int port, int timeoutMillis) {
    return refusal(host, port, timeoutMillis).isEmpty();
  }

  /**
   * Why a TCP connection to {@code host}:{@code port} does not succeed within {@code
   * timeoutMillis} (1 or more), in a few words such as {@code connection refused} or {@code no
   * answer within 1000ms}; empty when it succeeds. Resolving the name is not bounded by the timeout.
   */
  public static Optional<String> refusal(String host, int port, int timeoutMillis) {
    if (timeoutMillis < 1) throw new IllegalArgumentException("timeoutMillis must be >= 1, was " + timeoutMillis);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      return Optional.of("no answer within " + timeoutMillis + "ms");
    } catch (UnknownHostException e) {
      return Optional.of("unknown host");
    } catch (NoRouteToHostException e) {
      return Optional.of("no route to host");
    } catch (ConnectException e) {
      return Optional.of(e.getMessage() == null ? "connection refused" : e.getMessage().toLowerCase(Locale.ROOT));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** {@link #accepts(String, int, int)} on 127.0.0.1. */
  public static boolean acceptsOnLoopback(int port, int timeoutMillis) {
    return accepts("127.0.0.1", port, timeoutMillis);
  }
}
