package io.brokerbench.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.TargetMode;
import io.brokerbench.testing.StandIns;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one provisioning rule of every adapter, with a stand-in broker, no Docker engine and no installation. */
class ProvisionDecisionTest {
  @TempDir Path dir;

  private record Endpoint(String url, String source, String host, int port) implements ExternalEndpoint {
    static Endpoint onLoopback(int port) {
      return new Endpoint("fake://127.0.0.1:" + port, "the test", "127.0.0.1", port);
    }

    @Override
    public String redacted() {
      return url;
    }
  }

  private static final BrokerHints HINTS = new BrokerHints("fake-server", "an installed fake-server", "where it is");

  /** Records which way was taken; the local server is a stand-in that is never started. */
  private static final class Sources implements BrokerSources<String, Endpoint> {
    final List<String> taken = new ArrayList<>();

    @Override
    public ProvisionedBroker startContainer() {
      taken.add("container");
      return null;
    }

    @Override
    public ProvisionedBroker startLocal(String installation) {
      taken.add("local " + installation);
      return null;
    }

    @Override
    public ProvisionedBroker connect(Endpoint external) {
      taken.add("external " + external.url());
      return new ExternalBroker(external, "external.url", "external.source");
    }

    @Override
    public String noInstallation() {
      return "no fake-server here";
    }

    @Override
    public String noAnswer(Endpoint external) {
      return "nothing answers at " + external.url();
    }
  }

  @Test
  void autoWithoutDockerChoosesTheInstallationWithoutProbingTheExternalAddress() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    ProvisionDecision<String, Endpoint> d = ProvisionDecision.probe(ProvisionMode.AUTO, StandIns.noDocker(dir),
        Endpoint.onLoopback(FreePorts.allocate()), () -> {
          lookups.incrementAndGet();
          return Optional.of("v1");
        }, HINTS);
    assertEquals(ProvisionMode.LOCAL, d.choice().mode());
    assertFalse(d.externalAnswers(), "the external address is not probed when a local server is possible");
    assertEquals(1, lookups.get());
    Sources sources = new Sources();
    List<String> log = new ArrayList<>();
    d.provision(sources, log::add);
    assertEquals(List.of("local v1"), sources.taken);
    assertEquals(List.of(d.choice().reason()), log, "the choice is logged in one line");
  }

  @Test
  void autoWithNeitherDockerNorAnInstallationUsesAnExternalServerThatAnswers() throws Exception {
    try (ServerSocket external = new ServerSocket()) {
      external.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Endpoint endpoint = Endpoint.onLoopback(external.getLocalPort());
      ProvisionDecision<String, Endpoint> d = ProvisionDecision.probe(ProvisionMode.AUTO, StandIns.noDocker(dir),
          endpoint, Optional::empty, HINTS);
      assertEquals(ProvisionMode.EXTERNAL, d.choice().mode());
      assertTrue(d.externalAnswers());
      ProvisionedBroker broker = d.provision(new Sources(), line -> { });
      assertEquals(TargetMode.EXTERNAL, broker.mode());
      assertEquals(Map.of("external.url", endpoint.url(), "external.source", "the test"), broker.describe());
    }
  }

  @Test
  void externalNeitherProbesDockerNorLooksForAnInstallation() throws Exception {
    ProvisionDecision<String, Endpoint> d = ProvisionDecision.probe(ProvisionMode.EXTERNAL, StandIns.noDocker(dir),
        Endpoint.onLoopback(FreePorts.allocate()), () -> {
          throw new AssertionError("looked for an installation");
        }, HINTS);
    assertEquals(ProvisionMode.EXTERNAL, d.choice().mode());
    assertEquals("not probed", d.docker().detail());
    assertEquals(Optional.empty(), d.installation());
  }

  @Test
  void externalThatDoesNotAnswerFailsWithTheAdaptersMessage() throws Exception {
    Endpoint closed = Endpoint.onLoopback(FreePorts.allocate());
    ProvisionDecision<String, Endpoint> d = ProvisionDecision.probe(ProvisionMode.EXTERNAL, StandIns.noDocker(dir),
        closed, Optional::empty, HINTS);
    Sources sources = new Sources();
    ProvisionException e = assertThrows(ProvisionException.class, () -> d.provision(sources, line -> { }));
    assertEquals("nothing answers at " + closed.url(), e.getMessage());
    assertEquals(List.of(), sources.taken);
  }

  @Test
  void localWithoutAnInstallationFailsWithTheAdaptersMessage() throws Exception {
    ProvisionDecision<String, Endpoint> d = ProvisionDecision.probe(ProvisionMode.LOCAL, StandIns.noDocker(dir),
        Endpoint.onLoopback(FreePorts.allocate()), Optional::empty, HINTS);
    ProvisionException e = assertThrows(ProvisionException.class, () -> d.provision(new Sources(), line -> { }));
    assertEquals("no fake-server here", e.getMessage());
  }

  @Test
  void testcontainersWithoutDockerFailsSayingWhy() throws Exception {
    ProvisionDecision<String, Endpoint> d = ProvisionDecision.probe(ProvisionMode.TESTCONTAINERS, StandIns.noDocker(dir),
        Endpoint.onLoopback(FreePorts.allocate()), Optional::empty, HINTS);
    Sources sources = new Sources();
    ProvisionException e = assertThrows(ProvisionException.class, () -> d.provision(sources, line -> { }));
    assertTrue(e.getMessage().startsWith("provision testcontainers needs a Docker engine, but DOCKER_HOST="),
        e.getMessage());
    assertEquals(List.of(), sources.taken, "nothing was started");
  }

  @Test
  void externalBrokerIsNeverStopped() {
    ExternalBroker broker = new ExternalBroker(Endpoint.onLoopback(1), "a", "b");
    broker.close();
    assertSame(TargetMode.EXTERNAL, broker.mode());
    assertEquals(List.of(), broker.processIds());
  }
}
