package io.brokerbench.provision;

import java.net.URI;

/**
 * An external endpoint whose URL keeps its credentials in the user information ({@code
 * user:password@}, {@code :password@}, {@code token@}), as {@code nats://} and {@code redis://}
 * URLs do: host and port come from the URL, with the scheme's one default port when it names none,
 * and redaction hides the whole user information.
 */
public interface UserInfoUrl extends ExternalEndpoint {

  /** The port a URL without one means, 1 to 65535. */
  int defaultPort();

  @Override
  default String host() {
    return URI.create(url()).getHost();
  }

  /** The URL's port, or {@link #defaultPort()} when it has none. */
  @Override
  default int port() {
    int port = URI.create(url()).getPort();
    return port == -1 ? defaultPort() : port;
  }

  @Override
  default String redacted() {
    return redact(url());
  }

  /** {@code url} with any user information replaced by {@code ***}, e.g. {@code nats://***@h:4222}. */
  static String redact(String url) {
    return url.replaceAll("(://)[^/@]*@", "$1***@");
  }
}
