package io.brokerbench.adapter.nats.provision;

import io.brokerbench.provision.GivenAddress;
import io.brokerbench.provision.UserInfoUrl;
import java.net.URI;
import java.util.Map;

/**
 * Where an external nats-server is, and where that came from. Looked up in this order: the target's
 * {@code url} setting, the environment variable {@code BROKERBENCH_NATS_URL}, and finally
 * {@code nats://127.0.0.1:4222}, a server installed on this machine (Debian's {@code nats-server}
 * service listens there).
 *
 * @param url a {@code nats://} or {@code tls://} URL, credentials allowed
 * @param source where it came from, for messages
 */
public record ExternalAddress(String url, String source) implements UserInfoUrl {
  public static final String ENV = "BROKERBENCH_NATS_URL";
  public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
  /** The port a {@code nats://} URL without one means. */
  static final int DEFAULT_PORT = 4222;

  public ExternalAddress {
    URI parsed;
    try {
      parsed = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NATS URL from " + source + " is not a URL: '" + UserInfoUrl.redact(url)
          + "'");
    }
    if (!"nats".equals(parsed.getScheme()) && !"tls".equals(parsed.getScheme())) {
      throw new IllegalArgumentException("NATS URL from " + source + " must start with nats:// or tls://, found '"
          + UserInfoUrl.redact(url) + "'");
    }
    if (parsed.getHost() == null) {
      throw new IllegalArgumentException("NATS URL from " + source + " has no host: '" + UserInfoUrl.redact(url)
          + "'");
    }
  }

  /**
   * The address to use.
   *
   * @param setting the {@code url} setting, or null
   * @param environment as {@link System#getenv()}
   */
  public static ExternalAddress resolve(String setting, Map<String, String> environment) {
    return GivenAddress.resolve(setting, "url", environment, ENV, DEFAULT_URL, ExternalAddress::new);
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public String toString() {
    return redacted() + " (from " + source + ")";
  }
}
