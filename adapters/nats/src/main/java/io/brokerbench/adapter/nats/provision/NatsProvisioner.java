package io.brokerbench.adapter.nats.provision;

import io.brokerbench.provision.BrokerHints;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionFacts;
import io.brokerbench.provision.ProvisionProbes;
import io.brokerbench.provision.TcpProbe;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Makes a nats-server available for a run: probes the machine, resolves {@code provision} with
 * {@link ProvisionChoice} (testcontainers when a Docker engine answers, else a private server when
 * nats-server is installed, else an external server that answers) and starts or connects to the
 * server. Without a Docker engine, {@code auto} costs one missing-socket check and one
 * {@code nats-server --version} before choosing; the external address is probed only when nothing
 * else is possible or {@code external} is asked for.
 */
public final class NatsProvisioner {
  /** How long an external server may take to accept a TCP connection when probed. */

  private final Map<String, String> environment;

  public NatsProvisioner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The result of {@link #choose}: the decision and what it was based on. */
  public record Decision(ProvisionChoice choice, DockerProbe.Result docker, Optional<NatsInstallation> installation,
      ExternalAddress external, boolean externalAnswers) {}

  /** Wording of the provisioning messages for NATS. */
  public static BrokerHints hints(ExternalAddress external) {
    return new BrokerHints("nats-server", NatsInstallation.requirement(),
        external.redacted() + " (from " + external.source() + "; set " + ExternalAddress.ENV + " or the url setting)");
  }

  /**
   * Probes the machine and decides, without starting anything.
   *
   * @throws ProvisionException for {@code auto} with nothing available
   */
  public Decision choose(ProvisionRequest request) throws ProvisionException {
    ExternalAddress external = ExternalAddress.resolve(request.url(), environment);
    DockerProbe.Result docker = ProvisionProbes.docker(request.mode(), environment);
    Optional<NatsInstallation> installation = ProvisionProbes.needsInstallation(request.mode(), docker)
        ? NatsInstallation.find(request.binary(), environment)
        : Optional.empty();
    boolean externalAnswers = ProvisionProbes.externalAnswers(request.mode(), docker, installation.isPresent(),
        external.host(), external.port());
    ProvisionChoice choice = ProvisionChoice.decide(request.mode(),
        new ProvisionFacts(docker.answers(), installation.isPresent(), externalAnswers), hints(external));
    return new Decision(choice, docker, installation, external, externalAnswers);
  }

  /**
   * Provisions a server as {@code decision} says and logs the choice in one line.
   *
   * @param runId names the private server
   * @throws ProvisionException when the chosen mode cannot provide a server; the message says why
   *     and how to get one
   */
  public NatsBroker provision(Decision decision, ProvisionRequest request, String runId, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    log.accept(decision.choice().reason());
    return switch (decision.choice().mode()) {
      case TESTCONTAINERS -> {
        if (!decision.docker().answers()) {
          throw new ProvisionException("provision testcontainers needs a Docker engine, but " + decision.docker().detail()
              + "; start Docker or set DOCKER_HOST, or use provision local or external");
        }
        yield ContainerNats.start(request.container());
      }
      case LOCAL -> {
        NatsInstallation installation = decision.installation().orElseThrow(() -> new ProvisionException(
            "provision local needs " + NatsInstallation.requirement()
                + (request.binary() == null ? "" : "; local.binary is " + request.binary()
                    + ", which is not an executable that prints its version")));
        String suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        LocalServerConfig config = new LocalServerConfig(installation, request.workDirectory().resolve("nats-server"),
            LocalServerConfig.serverNameFor(runId, suffix), FreePorts.allocate(), request.sync(),
            request.startTimeout(), request.stopTimeout());
        yield LocalNatsServer.start(config, request.keepData(), log);
      }
      case EXTERNAL -> {
        boolean answers = decision.externalAnswers()
            || TcpProbe.accepts(decision.external().host(), decision.external().port(), ProvisionProbes.EXTERNAL_PROBE_MILLIS);
        if (!answers) {
          throw new ProvisionException("provision external: no nats-server answers at " + decision.external()
              + "; start one, or set " + ExternalAddress.ENV + " or the url setting");
        }
        yield new ExternalNats(decision.external());
      }
      case AUTO -> throw new AssertionError("ProvisionChoice never returns auto");
    };
  }
}
