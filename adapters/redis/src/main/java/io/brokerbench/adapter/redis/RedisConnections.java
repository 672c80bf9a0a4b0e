package io.brokerbench.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceVersion;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The run's connections to one server, through one Lettuce client and its threads: one connection
 * for administration, one per producer and two per consumer (a blocking reader and one for
 * acknowledgements), each named {@code <prefix>-<role>} ({@code CLIENT SETNAME}) so {@code CLIENT
 * LIST} shows who is who. Keys are UTF-8 strings, values raw bytes.
 *
 * <p>Reconnection is off and commands are refused while disconnected: a server failure fails the
 * commands in flight and every later one, and the run shows it instead of hiding it behind
 * reconnects. Every command fails when no reply comes within {@link #COMMAND_TIMEOUT}.
 * Thread-safe; {@link #close()} shuts the client's threads down.
 */
final class RedisConnections implements AutoCloseable {
  /** Bound on a reply to any command. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  /** Bound on establishing one connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** String keys (stream and group names), byte-array values (payloads). */
  static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisURI uri;
  private final String namePrefix;
  private final ClientResources resources;
  private final RedisClient client;

  /**
   * @param url the server, may hold credentials and a database number
   * @param namePrefix prefix of every connection's name, e.g. {@code brokerbench-<run>}
   * @throws IllegalArgumentException when {@code url} is not a Redis URL
   */
  RedisConnections(String url, String namePrefix) {
    this.uri = RedisURI.create(url);
    this.namePrefix = namePrefix;
    this.resources = DefaultClientResources.create();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
        .build());
  }

  /**
   * A new connection for {@code role}.
   *
   * @throws io.lettuce.core.RedisConnectionException when the server cannot be reached or refuses
   *     the credentials
   */
  StatefulRedisConnection<String, byte[]> open(String role) {
    RedisURI named = RedisURI.builder(uri).withClientName(namePrefix + "-" + role).build();
    return client.connect(CODEC, named);
  }

  /** The client library and its version, e.g. {@code lettuce 7.7.0.RELEASE}. */
  static String clientVersion() {
    String version = LettuceVersion.getVersion();
    if (version == null) {
      try (InputStream in = RedisClient.class.getResourceAsStream("/META-INF/maven/io.lettuce/lettuce-core/pom.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          version = p.getProperty("version");
        }
      } catch (IOException e) {
        // Unknown is said below.
      }
    }
    return "lettuce " + (version == null ? "(version unknown)" : version);
  }

  /** Closes {@code connection} unless it is already closed; never throws. */
  static void closeQuietly(StatefulRedisConnection<?, ?> connection) {
    if (connection == null) return;
    try {
      connection.close();
    } catch (RuntimeException ignored) {
      // A broken connection is closed either way.
    }
  }

  /** Shuts the client and its threads down (at most about 2 s); never throws. */
  @Override
  public void close() {
    try {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    } catch (RuntimeException ignored) {
      // Its threads end with the JVM at the latest.
    }
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
