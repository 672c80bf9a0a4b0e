package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.BrokerHints;
import io.brokerbench.provision.BrokerSources;
import io.brokerbench.provision.ExternalBroker;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionedBroker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Makes a RabbitMQ available for a run with the shared {@link ProvisionDecision}: testcontainers when
 * a Docker engine answers, else a private node when rabbitmq-server and Erlang are installed, else an
 * external server that answers. Without a Docker engine, {@code auto} costs one missing-socket check
 * and a look into the package directories before choosing. Immutable.
 */
public final class RabbitProvisioner {
  private final Map<String, String> environment;

  public RabbitProvisioner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Wording of the provisioning messages for RabbitMQ. */
  public static BrokerHints hints(ExternalAddress external) {
    return new BrokerHints("RabbitMQ", RabbitInstallation.requirement(),
        external.redacted() + " (from " + external.source() + "; set " + ExternalAddress.ENV
            + " or the uri setting, or run scripts/brokers start)");
  }

  /**
   * Probes the machine and decides ({@link ProvisionChoice}), without starting anything. An
   * installation counts only when it is usable ({@link RabbitInstallation#usable}).
   *
   * @throws ProvisionException for {@code auto} with nothing available
   */
  public ProvisionDecision<RabbitInstallation, ExternalAddress> choose(ProvisionRequest request)
      throws ProvisionException {
    ExternalAddress external = ExternalAddress.resolve(request.uri(), environment, request.userHome());
    return ProvisionDecision.probe(request.mode(), environment, external,
        () -> RabbitInstallation.find(request.serverDirectory(), environment).filter(i -> i.usable(environment)),
        hints(external));
  }

  /**
   * Provisions a broker as {@code request} asks and logs the choice in one line.
   *
   * @throws ProvisionException when the chosen mode cannot provide a broker; the message says why
   *     and how to get one
   */
  public ProvisionedBroker provision(ProvisionRequest request, String runId, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    return provision(choose(request), request, runId, log);
  }

  /** {@link #provision(ProvisionRequest, String, Consumer)} with a decision already made by {@link #choose}. */
  public ProvisionedBroker provision(ProvisionDecision<RabbitInstallation, ExternalAddress> decision,
      ProvisionRequest request, String runId, Consumer<String> log) throws ProvisionException, InterruptedException {
    return decision.provision(new BrokerSources<>() {
      @Override
      public ProvisionedBroker startContainer() throws ProvisionException {
        return request.container().start();
      }

      @Override
      public ProvisionedBroker startLocal(RabbitInstallation installation) throws ProvisionException, InterruptedException {
        List<Integer> ports = FreePorts.allocate(2);
        String suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        LocalNodeConfig config = new LocalNodeConfig(installation,
            request.workDirectory().resolve("rabbitmq-node"), LocalNodeConfig.nodeNameFor(runId, suffix),
            ports.get(0), ports.get(1), request.startTimeout(), request.stopTimeout());
        return LocalRabbitNode.start(config, request.keepData(), log);
      }

      @Override
      public ProvisionedBroker connect(ExternalAddress external) {
        return new ExternalBroker(external, "external.uri", "external.uri-source");
      }

      @Override
      public String noInstallation() {
        return "provision local needs " + RabbitInstallation.requirement()
            + (request.serverDirectory() == null ? "" : "; local.server-dir is " + request.serverDirectory());
      }

      @Override
      public String noAnswer(ExternalAddress external) {
        return "provision external: no RabbitMQ answers at " + external
            + "; start it (e.g. rabbitmq-server -detached, or scripts/brokers start), or set "
            + ExternalAddress.ENV + " or the uri setting";
      }
    }, log);
  }
}
