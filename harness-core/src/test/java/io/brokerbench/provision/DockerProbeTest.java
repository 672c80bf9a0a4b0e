package io.brokerbench.provision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {
  @TempDir Path dir;

  @Test
  void missingSocketIsReportedAsNoEngineWithoutWaitingForTheTimeout() {
    Path socket = dir.resolve("absent.sock");
    long start = System.nanoTime();
    DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + socket), Duration.ofSeconds(5));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertFalse(result.answers());
    assertTrue(result.detail().contains(socket.toString()), result.detail());
    assertTrue(elapsedMillis < 1000, "a missing socket must not wait for the 5 s timeout, took " + elapsedMillis + " ms");
  }

  @Test
  void engineAnsweringPingWith200Answers() throws Exception {
    Path socket = dir.resolve("docker.sock");
    try (FakeEngine engine = new FakeEngine(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK")) {
      DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + socket), Duration.ofSeconds(2));
      assertTrue(result.answers(), result.detail());
      assertTrue(engine.request().startsWith("GET /_ping HTTP/1."), engine.request());
    }
  }

  @Test
  void engineAnsweringWithAnErrorDoesNotCount() throws Exception {
    Path socket = dir.resolve("docker.sock");
    try (FakeEngine engine = new FakeEngine(socket, "HTTP/1.1 500 Internal Server Error\r\n\r\n")) {
      DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + socket), Duration.ofSeconds(2));
      assertTrue(engine.request().startsWith("GET /_ping"), engine.request());
      assertFalse(result.answers());
      assertTrue(result.detail().contains("500"), result.detail());
    }
  }

  @Test
  void socketThatNeverAnswersTimesOut() throws Exception {
    Path socket = dir.resolve("silent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      long start = System.nanoTime();
      DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "unix://" + socket), Duration.ofMillis(300));
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertFalse(result.answers());
      assertTrue(result.detail().contains("timed out"), result.detail());
      assertTrue(elapsedMillis < 2000, "took " + elapsedMillis + " ms");
    }
  }

  @Test
  void tcpEndpointThatRefusesIsNoEngine() {
    int port = FreePorts.allocate();
    DockerProbe.Result result = DockerProbe.probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port), Duration.ofMillis(500));
    assertFalse(result.answers());
    assertTrue(result.detail().contains("tcp://127.0.0.1:" + port), result.detail());
  }

  @Test
  void withoutDockerHostTheDefaultSocketsAreListed() {
    DockerProbe.Result result = DockerProbe.probe(Map.of("HOME", dir.toString()), Duration.ofMillis(500));
    // /var/run/docker.sock may exist on a developer machine; only the absent case has a fixed message.
    if (!result.answers() && result.detail().startsWith("no Docker engine")) {
      assertTrue(result.detail().contains("/var/run/docker.sock"), result.detail());
      assertTrue(result.detail().contains(dir.resolve(".docker/run/docker.sock").toString()), result.detail());
    }
  }

  /** Accepts one connection on a Unix socket, records the request line and writes a fixed reply. */
  private static final class FakeEngine implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Thread thread;
    private final CountDownLatch served = new CountDownLatch(1);
    private volatile String request = "";

    FakeEngine(Path socket, String reply) throws IOException {
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      thread = new Thread(() -> {
        try (SocketChannel client = server.accept()) {
          ByteBuffer in = ByteBuffer.allocate(512);
          while (!new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII).contains("\r\n\r\n")
              && client.read(in) > 0) {
            // read until the end of the request head
          }
          request = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
          client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException ignored) {
          // the test asserts on what the probe saw
        } finally {
          served.countDown();
        }
      }, "fake-docker-engine");
      thread.start();
    }

    String request() throws InterruptedException {
      served.await(2, TimeUnit.SECONDS);
      return request;
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
