package io.brokerbench.adapter.nats.provision;

import io.brokerbench.provision.BrokerHints;
import io.brokerbench.provision.BrokerSources;
import io.brokerbench.provision.ExternalBroker;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionedBroker;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Makes a nats-server available for a run with the shared {@link ProvisionDecision}: testcontainers
 * when a Docker engine answers, else a private server when nats-server is installed, else an
 * external server that answers. Without a Docker engine, {@code auto} costs one missing-socket check
 * and one {@code nats-server --version} before choosing; the external address is probed only when
 * nothing else is possible or {@code external} is asked for. Immutable.
 */
public final class NatsProvisioner {
  private final Map<String, String> environment;

  public NatsProvisioner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Wording of the provisioning messages for NATS. */
  public static BrokerHints hints(ExternalAddress external) {
    return new BrokerHints("nats-server", NatsInstallation.requirement(),
        external.redacted() + " (from " + external.source() + "; set " + ExternalAddress.ENV + " or the url setting)");
  }

  /**
   * Probes the machine and decides ({@link ProvisionChoice}), without starting anything.
   *
   * @throws ProvisionException for {@code auto} with nothing available
   */
  public ProvisionDecision<NatsInstallation, ExternalAddress> choose(ProvisionRequest request)
      throws ProvisionException {
    ExternalAddress external = ExternalAddress.resolve(request.url(), environment);
    return ProvisionDecision.probe(request.mode(), environment, external,
        () -> NatsInstallation.find(request.binary(), environment), hints(external));
  }

  /**
   * Provisions a server as {@code decision} says and logs the choice in one line.
   *
   * @param runId names the private server
   * @throws ProvisionException when the chosen mode cannot provide a server; the message says why
   *     and how to get one
   */
  public ProvisionedBroker provision(ProvisionDecision<NatsInstallation, ExternalAddress> decision,
      ProvisionRequest request, String runId, Consumer<String> log) throws ProvisionException, InterruptedException {
    return decision.provision(new BrokerSources<>() {
      @Override
      public ProvisionedBroker startContainer() throws ProvisionException {
        return request.container().start();
      }

      @Override
      public ProvisionedBroker startLocal(NatsInstallation installation) throws ProvisionException, InterruptedException {
        String suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        LocalServerConfig config = new LocalServerConfig(installation, request.workDirectory().resolve("nats-server"),
            LocalServerConfig.serverNameFor(runId, suffix), FreePorts.allocate(), request.sync(),
            request.startTimeout(), request.stopTimeout());
        return LocalNatsServer.start(config, request.keepData(), log);
      }

      @Override
      public ProvisionedBroker connect(ExternalAddress external) {
        return new ExternalBroker(external, "external.url", "external.source");
      }

      @Override
      public String noInstallation() {
        return "provision local needs " + NatsInstallation.requirement()
            + (request.binary() == null ? "" : "; local.binary is " + request.binary()
                + ", which is not an executable that prints its version");
      }

      @Override
      public String noAnswer(ExternalAddress external) {
        return "provision external: no nats-server answers at " + external + "; start one, or set "
            + ExternalAddress.ENV + " or the url setting";
      }
    }, log);
  }
}
