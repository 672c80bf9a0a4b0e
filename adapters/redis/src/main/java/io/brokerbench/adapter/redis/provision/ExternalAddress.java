package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.ExternalEndpoint;
import io.brokerbench.spi.SettingSpec.Form;
import java.net.URI;
import java.util.Map;

/**
 * Where an external Redis server is, and where that came from. Looked up in this order: the
 * target's {@code url} setting, the environment variable {@code BROKERBENCH_REDIS_URL}, and finally
 * {@code redis://127.0.0.1:6379}, a server installed on this machine (Debian's {@code redis-server}
 * service listens there).
 *
 * @param url a {@code redis://} or {@code rediss://} (TLS) URL, credentials and a database number
 *     allowed
 * @param source where it came from, for messages
 */
public record ExternalAddress(String url, String source) implements ExternalEndpoint {
  public static final String ENV = "BROKERBENCH_REDIS_URL";
  public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
  /** The port a URL without one means. */
  static final int DEFAULT_PORT = 6379;

  /** What the {@code url} setting accepts: a {@code redis://} or {@code rediss://} URI with a host. */
  public static final Form FORM = Form.uri("redis", "rediss");

  public ExternalAddress {
    String problem = url == null ? "it is missing" : FORM.check().apply(url);
    if (problem != null) {
      throw new IllegalArgumentException("Redis URL from " + source + " must be " + FORM.description() + ", found '"
          + redact(String.valueOf(url)) + "': " + problem);
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

  /** The port, or 6379 when the URL has none. */
  @Override
  public int port() {
    int port = URI.create(url).getPort();
    return port == -1 ? DEFAULT_PORT : port;
  }

  /** The URL without its user and password, for messages and reports. */
  @Override
  public String redacted() {
    return redact(url);
  }

  /** {@code url} with any user information ({@code user:password@}, {@code :password@}) replaced by {@code ***}. */
  public static String redact(String url) {
    return url.replaceAll("(://)[^/@]*@", "$1***@");
  }

  @Override
  public String toString() {
    return redacted() + " (from " + source + ")";
  }
}
