package io.brokerbench.provision;

/**
 * Where a server someone else runs is, and where that address came from (a setting, an environment
 * variable, a default). Each broker adapter has its own kind, with its URL scheme, default port and
 * rule for hiding credentials; provisioning only probes and reports it.
 */
public interface ExternalEndpoint {

  /** The address as clients use it; may hold credentials. */
  String url();

  /** Where the address came from, for messages, e.g. {@code the url setting}. */
  String source();

  /** The host to probe. */
  String host();

  /** The TCP port to probe, 1 to 65535 (the scheme's default when the URL has none). */
  int port();

  /** {@link #url()} without its credentials, for messages and reports. */
  String redacted();
}
