package io.brokerbench.provision;

/**
 * The provisioning mode a run uses and the one-line reason for it.
 *
 * <p>{@link #decide} is a pure function of the requested mode and the {@link ProvisionFacts}: the
 * caller probes the machine, this class only decides, so every branch is unit-tested without
 * Docker or a broker.
 *
 * @param mode never {@link ProvisionMode#AUTO}
 * @param reason one line for the user, e.g. {@code provision auto -> local: no Docker engine
 *     answers; rabbitmq-server is installed}
 */
public record ProvisionChoice(ProvisionMode mode, String reason) {
  public ProvisionChoice {
    if (mode == null || mode == ProvisionMode.AUTO) {
      throw new IllegalArgumentException("mode must be a concrete provisioning mode, was " + mode);
    }
    if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason must not be blank");
  }

  /**
   * Resolves {@code requested}. An explicit mode is returned as requested (its provisioner reports
   * its own failure in detail). {@link ProvisionMode#AUTO} picks, in this order: testcontainers when
   * Docker answers, local when the broker can be started here, external when one answers.
   *
   * @throws ProvisionException for {@code auto} with nothing available; the message lists what was
   *     checked and how to get a broker
   */
  public static ProvisionChoice decide(ProvisionMode requested, ProvisionFacts facts, BrokerHints hints)
      throws ProvisionException {
    if (requested != ProvisionMode.AUTO) {
      return new ProvisionChoice(requested, "provision " + requested.yamlName() + ": requested in the settings");
    }
    if (facts.dockerAnswers()) {
      return new ProvisionChoice(ProvisionMode.TESTCONTAINERS,
          "provision auto -> testcontainers: a Docker engine answers");
    }
    if (facts.localPossible()) {
      return new ProvisionChoice(ProvisionMode.LOCAL,
          "provision auto -> local: no Docker engine answers; " + hints.broker() + " can be started here");
    }
    if (facts.externalAnswers()) {
      return new ProvisionChoice(ProvisionMode.EXTERNAL,
          "provision auto -> external: no Docker engine answers, " + hints.broker()
              + " cannot be started here; a server answers at " + hints.externalAddress());
    }
    throw new ProvisionException("no " + hints.broker() + " is available (provision auto): no Docker engine"
        + " answers (for testcontainers, start Docker or set DOCKER_HOST); a local broker needs "
        + hints.localRequirement() + "; no server answers at " + hints.externalAddress()
        + ". Install or start one of these, or set provision to the mode you want.");
  }
}
