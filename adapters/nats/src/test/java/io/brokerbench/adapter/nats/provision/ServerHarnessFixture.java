package io.brokerbench.adapter.nats.provision;

import io.brokerbench.provision.FreePorts;
import io.brokerbench.testing.KilledHarness;
import io.brokerbench.provision.LocalServer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A throwaway "harness" for {@link LocalNatsServerIT}: starts a private nats-server under the
 * directory given as first argument, writes the server's pid to {@code server.pid} there and waits
 * to be killed.
 */
public final class ServerHarnessFixture {
  private ServerHarnessFixture() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    NatsInstallation installation = NatsInstallation.find(null, System.getenv()).orElseThrow();
    LocalServer server = LocalNatsServer.start(new LocalServerConfig(installation, dir.resolve("server"),
        "bb-it-orphan", FreePorts.allocate(), null, Duration.ofSeconds(30), Duration.ofSeconds(5)), false,
        System.out::println);
    KilledHarness.publishPid(dir.resolve("server.pid"), server.pid());
    Thread.sleep(600_000);
  }
}
