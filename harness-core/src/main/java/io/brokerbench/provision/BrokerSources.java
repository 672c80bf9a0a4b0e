package io.brokerbench.provision;

/**
 * One adapter's three ways to a broker, for {@link ProvisionDecision#provision}: what is really its
 * own (its container, its local server, its client's idea of an external address) and how it words
 * a missing one. The decision calls exactly one of the three methods.
 *
 * @param <I> the adapter's installation (what a local server is started from)
 * @param <E> the adapter's external address
 */
public interface BrokerSources<I, E extends ExternalEndpoint> {

  /** Starts the broker's container and waits until it is ready. */
  ProvisionedBroker startContainer() throws ProvisionException, InterruptedException;

  /**
   * Starts a private server from {@code installation} and waits until it is ready; on failure
   * stops whatever it started before throwing.
   */
  ProvisionedBroker startLocal(I installation) throws ProvisionException, InterruptedException;

  /** The server at {@code external}, already known to accept connections. */
  ProvisionedBroker connect(E external);

  /**
   * The message when {@code local} was asked for but nothing can be started here, e.g. {@code
   * provision local needs an installed nats-server (...); local.binary is /x, which ...}.
   */
  String noInstallation();

  /** The message when {@code external} was asked for and nothing answers at {@code external}. */
  String noAnswer(E external);
}
