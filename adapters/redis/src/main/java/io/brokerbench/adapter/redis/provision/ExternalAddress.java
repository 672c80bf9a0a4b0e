package io.brokerbench.adapter.redis.provision;

import io.brokerbench.provision.GivenAddress;
import io.brokerbench.provision.UserInfoUrl;
import io.brokerbench.spi.SettingSpec.Form;
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
public record ExternalAddress(String url, String source) implements UserInfoUrl {
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
          + UserInfoUrl.redact(String.valueOf(url)) + "': " + problem);
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
