package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.BrokerHints;
import io.brokerbench.provision.DockerProbe;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionFacts;
import io.brokerbench.provision.ProvisionProbes;
import io.brokerbench.provision.TcpProbe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Makes a RabbitMQ available for a run: probes the machine, resolves {@code provision} with
 * {@link ProvisionChoice} and starts or connects to the broker. Without a Docker engine, {@code auto}
 * costs one missing-socket check and one loopback connect before choosing.
 */
public final class RabbitProvisioner {
  /** How long an external server may take to accept a TCP connection when probed. */

  private final Map<String, String> environment;

  public RabbitProvisioner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The result of {@link #choose}: the decision and what it was based on. */
  public record Decision(ProvisionChoice choice, DockerProbe.Result docker, Optional<RabbitInstallation> installation,
      ExternalAddress external, boolean externalAnswers) {}

  /** Wording of the provisioning messages for RabbitMQ. */
  public static BrokerHints hints(ExternalAddress external) {
    return new BrokerHints("RabbitMQ", RabbitInstallation.requirement(),
        external.redacted() + " (from " + external.source() + "; set " + ExternalAddress.ENV
            + " or the uri setting, or run scripts/brokers start)");
  }

  /**
   * Probes the machine and decides, without starting anything.
   *
   * @throws ProvisionException for {@code auto} with nothing available
   */
  public Decision choose(ProvisionRequest request) throws ProvisionException {
    ExternalAddress external = ExternalAddress.resolve(request.uri(), environment, request.userHome());
    DockerProbe.Result docker = ProvisionProbes.docker(request.mode(), environment);
    Optional<RabbitInstallation> installation = RabbitInstallation.find(request.serverDirectory(), environment);
    boolean localPossible = installation.map(i -> i.usable(environment)).orElse(false);
    boolean externalAnswers = ProvisionProbes.externalAnswers(request.mode(), docker, localPossible, external.host(),
        external.port());
    ProvisionChoice choice = ProvisionChoice.decide(request.mode(),
        new ProvisionFacts(docker.answers(), localPossible, externalAnswers), hints(external));
    return new Decision(choice, docker, installation, external, externalAnswers);
  }

  /**
   * Provisions a broker as {@code request} asks and logs the choice in one line.
   *
   * @throws ProvisionException when the chosen mode cannot provide a broker; the message says why
   *     and how to get one
   */
  public RabbitBroker provision(ProvisionRequest request, String runId, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    return provision(choose(request), request, runId, log);
  }

  /** {@link #provision(ProvisionRequest, String, Consumer)} with a decision already made by {@link #choose}. */
  public RabbitBroker provision(Decision decision, ProvisionRequest request, String runId, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    log.accept(decision.choice().reason());
    return switch (decision.choice().mode()) {
      case TESTCONTAINERS -> {
        if (!decision.docker().answers()) {
          throw new ProvisionException("provision testcontainers needs a Docker engine, but " + decision.docker().detail()
              + "; start Docker or set DOCKER_HOST, or use provision local or external");
        }
        yield ContainerRabbit.start(request.container());
      }
      case LOCAL -> {
        RabbitInstallation installation = decision.installation()
            .filter(i -> i.usable(environment))
            .orElseThrow(() -> new ProvisionException("provision local needs " + RabbitInstallation.requirement()
                + (request.serverDirectory() == null ? "" : "; local.server-dir is " + request.serverDirectory())));
        List<Integer> ports = FreePorts.allocate(2);
        String suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        LocalNodeConfig config = new LocalNodeConfig(installation,
            request.workDirectory().resolve("rabbitmq-node"), LocalNodeConfig.nodeNameFor(runId, suffix),
            ports.get(0), ports.get(1), request.startTimeout(), request.stopTimeout());
        yield LocalRabbitNode.start(config, request.keepData(), log);
      }
      case EXTERNAL -> {
        boolean answers = decision.externalAnswers()
            || TcpProbe.accepts(decision.external().host(), decision.external().port(), ProvisionProbes.EXTERNAL_PROBE_MILLIS);
        if (!answers) {
          throw new ProvisionException("provision external: no RabbitMQ answers at " + decision.external()
              + "; start it (e.g. rabbitmq-server -detached, or scripts/brokers start), or set "
              + ExternalAddress.ENV + " or the uri setting");
        }
        yield new ExternalRabbit(decision.external());
      }
      case AUTO -> throw new AssertionError("ProvisionChoice never returns auto");
    };
  }
}
