package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.FreePorts;
import io.brokerbench.testing.KilledHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway "harness" for {@link LocalRabbitNodeIT}: starts a private node under the directory
 * given as first argument, writes the Erlang VM's pid to {@code vm.pid} there and waits to be killed.
 */
public final class NodeHarnessFixture {
  private NodeHarnessFixture() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    RabbitInstallation installation = RabbitInstallation.find(null, System.getenv()).orElseThrow();
    List<Integer> ports = FreePorts.allocate(2);
    LocalRabbitNode node = LocalRabbitNode.start(new LocalNodeConfig(installation, dir.resolve("node"),
        LocalNodeConfig.nodeNameFor("it", "orphan"), ports.get(0), ports.get(1), Duration.ofSeconds(90),
        Duration.ofSeconds(10)), false, System.out::println);
    KilledHarness.publishPid(dir.resolve("vm.pid"), node.vmPid());
    Thread.sleep(600_000);
  }
}
