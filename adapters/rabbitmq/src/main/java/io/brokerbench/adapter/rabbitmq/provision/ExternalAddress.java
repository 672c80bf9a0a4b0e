package io.brokerbench.adapter.rabbitmq.provision;

import com.rabbitmq.client.ConnectionFactory;
import io.brokerbench.provision.ExternalEndpoint;
import io.brokerbench.provision.GivenAddress;
import io.brokerbench.spi.SettingSpec.Form;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where an external RabbitMQ is, and where that came from. Looked up in this order: the target's
 * {@code uri} setting, the environment variable {@code BROKERBENCH_RABBITMQ_URI}, the file
 * {@code ~/.brokerbench/brokers/rabbitmq/uri} written by {@code scripts/brokers start} (under
 * {@code $BROKERBENCH_BROKERS_DIR} instead of {@code ~/.brokerbench/brokers} when that is set), and finally
 * {@code amqp://guest:guest@127.0.0.1:5672}, a server installed on this machine.
 *
 * @param uri an {@code amqp://} or {@code amqps://} URI
 * @param source where it came from, for messages
 */
public record ExternalAddress(String uri, String source) implements ExternalEndpoint {
  public static final String ENV = "BROKERBENCH_RABBITMQ_URI";
  public static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:5672";

  /**
   * What an external server's URI must be: {@code amqp://} or {@code amqps://} with a host, and
   * whatever else the RabbitMQ client's {@link ConnectionFactory#setUri(String)} accepts (one
   * virtual host segment, known query parameters).
   */
  public static final Form FORM = Form.uri("amqp", "amqps").and(ExternalAddress::clientRefusal);

  public ExternalAddress {
    String problem = FORM.check().apply(uri);
    if (problem != null) {
      throw new IllegalArgumentException("RabbitMQ URI from " + source + " must be " + FORM.description() + ", found '"
          + redact(uri) + "': " + problem);
    }
  }

  /**
   * Why the RabbitMQ client refuses {@code uri}, or {@code null}. An {@code amqps} URI is checked
   * as {@code amqp}: its TLS set-up is not in question here, and makes the client warn.
   */
  private static String clientRefusal(String uri) {
    String plain = uri.strip().replaceFirst("(?i)^amqps://", "amqp://");
    try {
      new ConnectionFactory().setUri(plain);
      return null;
    } catch (Exception e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /**
   * The address to use.
   *
   * @param setting the {@code uri} setting, or null
   * @param environment as {@link System#getenv()}
   * @param userHome the user's home directory
   */
  public static ExternalAddress resolve(String setting, Map<String, String> environment, Path userHome) {
    Optional<GivenAddress> given = GivenAddress.lookUp(setting, "uri", environment, ENV);
    if (given.isPresent()) return new ExternalAddress(given.get().address(), given.get().source());
    Path file = stateFile(environment, userHome);
    if (Files.isReadable(file)) {
      try {
        String text = Files.readString(file).strip();
        if (!text.isEmpty()) return new ExternalAddress(text, file.toString());
      } catch (IOException ignored) {
        // fall through to the default
      }
    }
    return new ExternalAddress(DEFAULT_URI, "the default");
  }

  /** Environment variable that moves the state of {@code scripts/brokers} away from {@code ~/.brokerbench/brokers}. */
  public static final String BROKERS_DIR_ENV = "BROKERBENCH_BROKERS_DIR";

  /** The URI file of the broker {@code scripts/brokers} keeps running. */
  public static Path stateFile(Map<String, String> environment, Path userHome) {
    String dir = environment.get(BROKERS_DIR_ENV);
    Path root = dir != null && !dir.isBlank() ? Path.of(dir) : userHome.resolve(".brokerbench").resolve("brokers");
    return root.resolve("rabbitmq").resolve("uri");
  }

  /** The URI, as clients use it. */
  @Override
  public String url() {
    return uri;
  }

  @Override
  public String host() {
    return URI.create(uri).getHost();
  }

  /** The port, or the scheme's default (5672, 5671 for amqps). */
  @Override
  public int port() {
    URI parsed = URI.create(uri);
    if (parsed.getPort() != -1) return parsed.getPort();
    return "amqps".equals(parsed.getScheme()) ? 5671 : 5672;
  }

  /** The URI without its password, for messages and reports. */
  @Override
  public String redacted() {
    return redact(uri);
  }

  /** {@code uri} with the password replaced by {@code ***}. */
  public static String redact(String uri) {
    return uri.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
  }

  @Override
  public String toString() {
    return redacted() + " (from " + source + ")";
  }
}
