package io.brokerbench.adapter.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Hands out channels on connections, per the {@code connections.shared} setting: either a fresh
 * connection for every producer and consumer (closed with it) or one connection for all producers
 * and one for all consumers (closed with the target). Producers and consumers never share a
 * connection, so the broker's flow control on publishers does not stall consumers.
 *
 * <p>Threading: {@link #open} and {@link #close} are called from the harness thread.
 */
final class Connections implements AutoCloseable {
  /** A channel and what its owner closes after it (its connection, or nothing when shared). */
  record Lease(Channel channel, AutoCloseable release) {}

  private final ConnectionFactory factory;
  private final String namePrefix;
  private final boolean shared;
  private final List<Connection> all = new ArrayList<>();
  private Connection producers;
  private Connection consumers;

  Connections(ConnectionFactory factory, String namePrefix, boolean shared) {
    this.factory = factory;
    this.namePrefix = namePrefix;
    this.shared = shared;
  }

  /** A new channel for a producer ({@code producer == true}) or a consumer named {@code name}. */
  synchronized Lease open(boolean producer, String name) throws IOException, TimeoutException {
    if (!shared) {
      Connection connection = newConnection(name);
      return new Lease(connection.createChannel(), () -> closeConnection(connection));
    }
    Connection connection = producer ? producers : consumers;
    if (connection == null || !connection.isOpen()) {
      connection = newConnection(producer ? "producers" : "consumers");
      if (producer) producers = connection;
      else consumers = connection;
    }
    return new Lease(connection.createChannel(), () -> { });
  }

  /** A connection for declarations and clean-up, closed by the caller. */
  synchronized Connection admin() throws IOException, TimeoutException {
    return newConnection("admin");
  }

  private Connection newConnection(String name) throws IOException, TimeoutException {
    Connection connection = factory.newConnection(namePrefix + "-" + name);
    all.add(connection);
    return connection;
  }

  private synchronized void closeConnection(Connection connection) {
    all.remove(connection);
    RabbitMqTarget.closeQuietly(connection);
  }

  @Override
  public synchronized void close() {
    for (Connection connection : List.copyOf(all)) RabbitMqTarget.closeQuietly(connection);
    all.clear();
    producers = null;
    consumers = null;
  }
}
