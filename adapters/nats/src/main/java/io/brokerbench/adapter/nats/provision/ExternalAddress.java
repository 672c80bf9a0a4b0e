package io.brokerbench.adapter.nats.provision;

import io.brokerbench.provision.ExternalEndpoint;
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
public record ExternalAddress(String url, String source) implements ExternalEndpoint {
  public static final String ENV = "BROKERBENCH_NATS_URL";
  public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
  /** The port a {@code nats://} URL without one means. */
  static final int DEFAULT_PORT = 4222;

  public ExternalAddress {
    URI parsed;
    try {
      parsed = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NATS URL from " + source + " is not a URL: '" + redact(url) + "'");
    }
    if (!"nats".equals(parsed.getScheme()) && !"tls".equals(parsed.getScheme())) {
      throw new IllegalArgumentException("NATS URL from " + source + " must start with nats:// or tls://, found '"
          + redact(url) + "'");
    }
    if (parsed.getHost() == null) {
      throw new IllegalArgumentException("NATS URL from " + source + " has no host: '" + redact(url) + "'");
    }
  }

  /**
   * The address to use.
   *
   * @param setting the {@code url} setting, or null
   * @param environment as {@link System#getenv()}
   */
  public static ExternalAddress resolve(String setting, Map<String, String> environment) {
    if (setting != null && !setting.isBlank()) return new ExternalAddress(setting.strip(), "the url setting");
    String env = environment.get(ENV);
    if (env != null && !env.isBlank()) return new ExternalAddress(env.strip(), ENV);
    return new ExternalAddress(DEFAULT_URL, "the default");
  }

  @Override
  public String host() {
    return URI.create(url).getHost();
  }

  /** The port, or 4222 when the URL has none. */
  @Override
  public int port() {
    int port = URI.create(url).getPort();
    return port == -1 ? DEFAULT_PORT : port;
  }

  /** The URL without its password or token, for messages and reports. */
  @Override
  public String redacted() {
    return redact(url);
  }

  /** {@code url} with any user information ({@code user:pass@}, {@code token@}) replaced by {@code ***}. */
  public static String redact(String url) {
    return url.replaceAll("(://)[^/@]*@", "$1***@");
  }

  @Override
  public String toString() {
    return redacted() + " (from " + source + ")";
  }
}
