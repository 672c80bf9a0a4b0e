package io.brokerbench.provision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a Docker engine answers, by sending {@code GET /_ping} to it and expecting {@code HTTP/1.x
 * 200}.
 *
 * <p>Where it looks: {@code DOCKER_HOST} when set ({@code unix:///path} or {@code tcp://host:port};
 * TLS endpoints are not pinged and count as not answering), otherwise the Unix sockets
 * {@code /var/run/docker.sock}, {@code $XDG_RUNTIME_DIR/docker.sock} and
 * {@code ~/.docker/run/docker.sock}, first one that exists. A missing socket is detected without any
 * I/O wait, so with no engine the probe answers in microseconds; a socket or port that exists but
 * does not answer costs at most the timeout (one overall deadline, not one per step).
 *
 * <p>Never throws for an absent or broken engine: the {@link Result} says what was tried. Stateless
 * and thread-safe.
 */
public final class DockerProbe {
  /** The timeout {@link #probe()} uses. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(800);

  private static final byte[] PING =
      "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private DockerProbe() {}

  /**
   * The outcome of a probe.
   *
   * @param answers whether an engine answered the ping with status 200
   * @param detail one line: where it answered, or what was tried and why it failed
   */
  public record Result(boolean answers, String detail) {}

  /** Probes the environment of this JVM with {@link #DEFAULT_TIMEOUT}. */
  public static Result probe() {
    return probe(System.getenv(), DEFAULT_TIMEOUT);
  }

  /**
   * Probes the endpoints {@code environment} designates.
   *
   * @param environment variables as from {@link System#getenv()}: {@code DOCKER_HOST},
   *     {@code XDG_RUNTIME_DIR}, {@code HOME}
   * @param timeout overall bound for connecting and reading, positive
   */
  public static Result probe(Map<String, String> environment, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    String dockerHost = environment.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return probeDockerHost(dockerHost.trim(), environment, deadline);
    }
    List<Path> candidates = defaultSockets(environment);
    for (Path socket : candidates) {
      if (Files.exists(socket)) {
        return ping(UnixDomainSocketAddress.of(socket), "unix://" + socket, deadline);
      }
    }
    return new Result(false, "no Docker engine: DOCKER_HOST is unset and none of " + candidates + " exists");
  }

  private static Result probeDockerHost(String dockerHost, Map<String, String> environment, long deadline) {
    URI uri;
    try {
      uri = URI.create(dockerHost);
    } catch (IllegalArgumentException e) {
      return new Result(false, "DOCKER_HOST '" + dockerHost + "' is not a URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    switch (scheme) {
      case "unix" -> {
        Path socket = Path.of(uri.getPath());
        if (!Files.exists(socket)) {
          return new Result(false, "DOCKER_HOST=" + dockerHost + " but " + socket + " does not exist");
        }
        return ping(UnixDomainSocketAddress.of(socket), dockerHost, deadline);
      }
      case "tcp", "http" -> {
        if ("1".equals(environment.get("DOCKER_TLS_VERIFY"))) {
          return new Result(false, "DOCKER_HOST=" + dockerHost + " uses TLS, which this probe does not ping");
        }
        if (uri.getHost() == null) return new Result(false, "DOCKER_HOST '" + dockerHost + "' has no host");
        int port = uri.getPort() == -1 ? 2375 : uri.getPort();
        return ping(new InetSocketAddress(uri.getHost(), port), dockerHost, deadline);
      }
      default -> {
        return new Result(false, "DOCKER_HOST '" + dockerHost + "' has an unsupported scheme (expected unix:// or tcp://)");
      }
    }
  }

  private static List<Path> defaultSockets(Map<String, String> environment) {
    Set<Path> out = new LinkedHashSet<>();
    out.add(Path.of("/var/run/docker.sock"));
    String runtime = environment.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) out.add(Path.of(runtime, "docker.sock"));
    String home = environment.get("HOME");
    if (home != null && !home.isBlank()) out.add(Path.of(home, ".docker", "run", "docker.sock"));
    return new ArrayList<>(out);
  }

  /** Sends the ping and reads the status line, all within {@code deadline} (System.nanoTime). */
  static Result ping(SocketAddress address, String where, long deadline) {
    try (SocketChannel channel = SocketChannel.open(protocolFamily(address));
        Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      if (!channel.connect(address)) {
        channel.register(selector, SelectionKey.OP_CONNECT);
        if (!await(selector, deadline)) return new Result(false, "no answer from " + where + " (connect timed out)");
        channel.finishConnect();
      }
      ByteBuffer request = ByteBuffer.wrap(PING);
      while (request.hasRemaining()) {
        if (channel.write(request) == 0) {
          channel.register(selector, SelectionKey.OP_WRITE);
          if (!await(selector, deadline)) return new Result(false, "no answer from " + where + " (write timed out)");
        }
      }
      ByteBuffer response = ByteBuffer.allocate(256);
      channel.register(selector, SelectionKey.OP_READ);
      while (response.hasRemaining() && !hasStatusLine(response)) {
        if (!await(selector, deadline)) return new Result(false, "no answer from " + where + " (read timed out)");
        if (channel.read(response) < 0) break;
      }
      String head = new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII);
      String statusLine = head.lines().findFirst().orElse("");
      if (statusLine.matches("HTTP/1\\.[01] 200.*")) {
        return new Result(true, "a Docker engine answers at " + where);
      }
      return new Result(false, where + " answered the ping with '" + statusLine + "', expected HTTP 200");
    } catch (IOException | RuntimeException e) {
      return new Result(false, "no answer from " + where + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  private static java.net.ProtocolFamily protocolFamily(SocketAddress address) {
    return address instanceof UnixDomainSocketAddress
        ? java.net.StandardProtocolFamily.UNIX
        : (((InetSocketAddress) address).getAddress() instanceof java.net.Inet6Address
            ? java.net.StandardProtocolFamily.INET6
            : java.net.StandardProtocolFamily.INET);
  }

  private static boolean hasStatusLine(ByteBuffer response) {
    for (int i = 0; i < response.position(); i++) {
      if (response.get(i) == '\n') return true;
    }
    return false;
  }

  /** Waits for the registered operation until {@code deadline}; false when the time ran out. */
  private static boolean await(Selector selector, long deadline) throws IOException {
    long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
    if (remainingMillis <= 0) return false;
    int ready = selector.select(remainingMillis);
    selector.selectedKeys().clear();
    return ready > 0;
  }
}
