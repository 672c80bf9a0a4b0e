package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.BrokerHints;
import io.brokerbench.provision.BrokerSources;
import io.brokerbench.provision.ExternalBroker;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.ProvisionChoice;
import io.brokerbench.provision.ProvisionDecision;
import io.brokerbench.provision.ProvisionException;
import io.brokerbench.provision.ProvisionedBroker;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes a Redis server available for a run with the shared {@link ProvisionDecision}:
 * testcontainers when a Docker engine answers, else a private server when redis-server is
 * installed, else an external server that answers. Without a Docker engine, {@code auto} costs one
 * missing-socket check and one {@code redis-server --version} before choosing; the external address
 * is probed only when nothing else is possible or {@code external} is asked for. Immutable.
 */
public final class RedisProvisioner {
  private final Map<String, String> environment;

  public RedisProvisioner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Wording of the provisioning messages for Redis. */
  public static BrokerHints hints(ExternalAddress external) {
    return new BrokerHints("redis-server", RedisInstallation.requirement(),
        external.redacted() + " (from " + external.source() + "; set " + ExternalAddress.ENV + " or the url setting)");
  }

  /**
   * Probes the machine and decides ({@link ProvisionChoice}), without starting anything.
   *
   * @throws ProvisionException for {@code auto} with nothing available
   */
  public ProvisionDecision<RedisInstallation, ExternalAddress> choose(ProvisionRequest request)
      throws ProvisionException {
    ExternalAddress external = ExternalAddress.resolve(request.url(), environment);
    return ProvisionDecision.probe(request.mode(), environment, external,
        () -> RedisInstallation.find(request.binary(), environment), hints(external));
  }

  /**
   * Provisions a server as {@code decision} says and logs the choice in one line.
   *
   * @throws ProvisionException when the chosen mode cannot provide a server; the message says why
   *     and how to get one
   */
  public ProvisionedBroker provision(ProvisionDecision<RedisInstallation, ExternalAddress> decision,
      ProvisionRequest request, Consumer<String> log) throws ProvisionException, InterruptedException {
    return decision.provision(new BrokerSources<>() {
      @Override
      public ProvisionedBroker startContainer() throws ProvisionException {
        return request.container().start();
      }

      @Override
      public ProvisionedBroker startLocal(RedisInstallation installation) throws ProvisionException, InterruptedException {
        LocalServerConfig config = new LocalServerConfig(installation, request.workDirectory().resolve("redis-server"),
            FreePorts.allocate(), request.persistence(), request.startTimeout(), request.stopTimeout());
        return LocalRedisServer.start(config, request.keepData(), log);
      }

      @Override
      public ProvisionedBroker connect(ExternalAddress external) {
        return new ExternalBroker(external, "external.url", "external.source");
      }

      @Override
      public String noInstallation() {
        return "provision local needs " + RedisInstallation.requirement()
            + (request.binary() == null ? "" : "; local.binary is " + request.binary()
                + ", which is not an executable that prints a Redis server version");
      }

      @Override
      public String noAnswer(ExternalAddress external) {
        return "provision external: no Redis server answers at " + external + "; start one, or set "
            + ExternalAddress.ENV + " or the url setting";
      }
    }, log);
  }
}
