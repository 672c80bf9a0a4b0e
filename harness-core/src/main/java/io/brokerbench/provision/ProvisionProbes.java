package io.brokerbench.provision;

import java.util.Map;

/**
 * What a broker adapter probes before {@link ProvisionChoice#decide}, in the order that costs least
 * and only as far as the mode needs: a Docker engine for {@code auto} and {@code testcontainers};
 * a local installation for {@code local}, or for {@code auto} without Docker; an external server
 * for {@code external}, or for {@code auto} when neither answers. One rule for every adapter.
 * Stateless.
 */
public final class ProvisionProbes {
  /** How long an external server's port may take to accept a connection, in ms. */
  public static final int EXTERNAL_PROBE_MILLIS = 500;

  private ProvisionProbes() {}

  /** The Docker engine's answer, or "not probed" when {@code mode} cannot use one. */
  public static DockerProbe.Result docker(ProvisionMode mode, Map<String, String> environment) {
    boolean needed = mode == ProvisionMode.AUTO || mode == ProvisionMode.TESTCONTAINERS;
    return needed ? DockerProbe.probe(environment, DockerProbe.DEFAULT_TIMEOUT) : new DockerProbe.Result(false, "not probed");
  }

  /** Whether the local installation must be looked up: {@code local}, or {@code auto} without Docker. */
  public static boolean needsInstallation(ProvisionMode mode, DockerProbe.Result docker) {
    return mode == ProvisionMode.LOCAL || (mode == ProvisionMode.AUTO && !docker.answers());
  }

  /**
   * Whether an external server accepts connections at {@code host:port}; probed only for {@code
   * external}, or for {@code auto} when neither Docker nor a local installation can serve (false
   * otherwise).
   */
  public static boolean externalAnswers(ProvisionMode mode, DockerProbe.Result docker, boolean localPossible, String host,
      int port) {
    boolean needed = mode == ProvisionMode.EXTERNAL || (mode == ProvisionMode.AUTO && !docker.answers() && !localPossible);
    return needed && TcpProbe.accepts(host, port, EXTERNAL_PROBE_MILLIS);
  }
}
