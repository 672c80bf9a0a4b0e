package io.brokerbench.provision;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a broker is provisioned for one run and what that was decided on: the one rule of every
 * adapter, from probing ({@link #probe}) to starting or connecting ({@link #provision}).
 *
 * @param choice the mode and the one-line reason for it
 * @param docker the Docker engine's answer, or "not probed"
 * @param installation what a local server would be started from; empty when none was found or it
 *     was not looked for ({@link ProvisionProbes#needsInstallation})
 * @param external where an external server is (resolved always, probed only when needed)
 * @param externalAnswers whether it accepted a connection when probed; false when not probed
 * @param <I> the adapter's installation
 * @param <E> the adapter's external address
 */
public record ProvisionDecision<I, E extends ExternalEndpoint>(ProvisionChoice choice, DockerProbe.Result docker,
    Optional<I> installation, E external, boolean externalAnswers) {

  /**
   * Probes the machine as {@link ProvisionProbes} says (the Docker engine, then the installation,
   * then the external address, each only when {@code mode} needs it) and decides, without starting
   * anything.
   *
   * @param findInstallation looks for a usable installation; called at most once
   * @throws ProvisionException for {@code auto} with nothing available; the message says what was
   *     checked and how to get a broker
   */
  public static <I, E extends ExternalEndpoint> ProvisionDecision<I, E> probe(ProvisionMode mode,
      Map<String, String> environment, E external, Supplier<Optional<I>> findInstallation, BrokerHints hints)
      throws ProvisionException {
    DockerProbe.Result docker = ProvisionProbes.docker(mode, environment);
    Optional<I> installation = ProvisionProbes.needsInstallation(mode, docker) ? findInstallation.get() : Optional.empty();
    boolean externalAnswers = ProvisionProbes.externalAnswers(mode, docker, installation.isPresent(), external.host(),
        external.port());
    ProvisionChoice choice = ProvisionChoice.decide(mode,
        new ProvisionFacts(docker.answers(), installation.isPresent(), externalAnswers), hints);
    return new ProvisionDecision<>(choice, docker, installation, external, externalAnswers);
  }

  /**
   * Logs the choice in one line and provisions a broker as it says: a container when a Docker engine
   * answered, a private server from the installation found, or the external server when it accepts
   * a connection (probed again if it was not before).
   *
   * @throws ProvisionException when the chosen mode cannot provide a broker; the message says why
   *     and how to get one
   */
  public ProvisionedBroker provision(BrokerSources<I, E> sources, Consumer<String> log)
      throws ProvisionException, InterruptedException {
    log.accept(choice.reason());
    return switch (choice.mode()) {
      case TESTCONTAINERS -> {
        if (!docker.answers()) {
          throw new ProvisionException("provision testcontainers needs a Docker engine, but " + docker.detail()
              + "; start Docker or set DOCKER_HOST, or use provision local or external");
        }
        yield sources.startContainer();
      }
      case LOCAL -> sources.startLocal(installation.orElseThrow(() -> new ProvisionException(sources.noInstallation())));
      case EXTERNAL -> {
        boolean answers = externalAnswers
            || TcpProbe.accepts(external.host(), external.port(), ProvisionProbes.EXTERNAL_PROBE_MILLIS);
        if (!answers) throw new ProvisionException(sources.noAnswer(external));
        yield sources.connect(external);
      }
      case AUTO -> throw new AssertionError("ProvisionChoice never returns auto");
    };
  }
}
