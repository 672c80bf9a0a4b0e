package io.brokerbench.adapter.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Opens the run's connections to one server: one for administration, one per producer and one per
 * consumer, each with its own reader and writer threads, named {@code <prefix>-<role>} so the
 * server's connection list shows who is who.
 *
 * <p>Reconnection is off: a server failure closes the connection, fails pending publishes and stops
 * consumers, and the run shows it instead of hiding it behind reconnects. Client-side reports go to
 * the run's log ({@link RunLogErrorListener}). Thread-safe.
 */
final class NatsConnections {
  /** Bound on establishing one connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final String url;
  private final String namePrefix;
  private final Consumer<String> log;

  /**
   * @param url the server, may hold credentials
   * @param namePrefix prefix of every connection's name, e.g. {@code brokerbench-<run>}
   * @param log where client-side errors are reported
   */
  NatsConnections(String url, String namePrefix, Consumer<String> log) {
    this.url = url;
    this.namePrefix = namePrefix;
    this.log = log;
  }

  /**
   * A new connection for {@code role}.
   *
   * @throws IOException when the server cannot be reached within {@link #CONNECT_TIMEOUT}
   */
  Connection open(String role) throws IOException, InterruptedException {
    String name = namePrefix + "-" + role;
    Options options = new Options.Builder()
        .server(url)
        .connectionName(name)
        .connectionTimeout(CONNECT_TIMEOUT)
        .noReconnect()
        .errorListener(new RunLogErrorListener(name, log))
        .build();
    return Nats.connect(options);
  }
}
