package io.brokerbench.adapter.redis.provision;

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
import java.util.function.Consumer;

/**
 * Makes a Redis server available for a run: probes the machine, resolves {@code provision} with
 * {@link ProvisionChoice} (testcontainers when a Docker engine answers, else a private server when
 * redis-server is installed, else an external server that answers) and starts or connects to the
 * server. Without a Docker engine, {@code auto} costs one missing-socket check and one {@code
 * redis-server --version} before choosing; the external address is probed only when nothing else is
 * possible or {@code external} is asked for.
 */
public final class RedisProvisioner {
  /** How long an external server may take to accept a TCP connection when probed. */

  private final Map<String, String> environment;

  public RedisProvisioner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The result of {@link #choose}: the decision and what it was based on. */
  public record Decision(ProvisionChoice choice, DockerProbe.Result docker, Optional<RedisInstallation> installation,
      ExternalAddress external, boolean externalAnswers) {}

  /** Wording of the provisioning messages for Redis. */
  public static BrokerHints hints(ExternalAddress external) {
    return new BrokerHints("redis-server", RedisInstallation.requirement(),
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
    Optional<RedisInstallation> installation = ProvisionProbes.needsInstallation(request.mode(), docker)
        ? RedisInstallation.find(request.binary(), environment)
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
   * @throws ProvisionException when the chosen mode cannot provide a server; the message says why
   *     and how to get one
   */
  public RedisBroker provision(Decision decision, ProvisionRequest request, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    log.accept(decision.choice().reason());
    return switch (decision.choice().mode()) {
      case TESTCONTAINERS -> {
        if (!decision.docker().answers()) {
          throw new ProvisionException("provision testcontainers needs a Docker engine, but " + decision.docker().detail()
              + "; start Docker or set DOCKER_HOST, or use provision local or external");
        }
        yield ContainerRedis.start(request.container());
      }
      case LOCAL -> {
        RedisInstallation installation = decision.installation().orElseThrow(() -> new ProvisionException(
            "provision local needs " + RedisInstallation.requirement()
                + (request.binary() == null ? "" : "; local.binary is " + request.binary()
                    + ", which is not an executable that prints a Redis server version")));
        LocalServerConfig config = new LocalServerConfig(installation, request.workDirectory().resolve("redis-server"),
            FreePorts.allocate(), request.persistence(), request.startTimeout(), request.stopTimeout());
        yield LocalRedisServer.start(config, request.keepData(), log);
      }
      case EXTERNAL -> {
        boolean answers = decision.externalAnswers()
            || TcpProbe.accepts(decision.external().host(), decision.external().port(), ProvisionProbes.EXTERNAL_PROBE_MILLIS);
        if (!answers) {
          throw new ProvisionException("provision external: no Redis server answers at " + decision.external()
              + "; start one, or set " + ExternalAddress.ENV + " or the url setting");
        }
        yield new ExternalRedis(decision.external());
      }
      case AUTO -> throw new AssertionError("ProvisionChoice never returns auto");
    };
  }
}
