package io.brokerbench.adapter.nats.provision;

import io.brokerbench.adapter.nats.SyncPolicy;

/**
 * The configuration file of a nats-server the harness starts (a private server, a container):
 * where it listens, JetStream on with its store directory and, when given, its sync interval.
 * Everything else keeps nats-server's defaults (1 MB max payload, memory and file limits from the
 * machine), so a run measures the server as installed.
 *
 * @param serverName the server's name ({@code server_name}), letters, digits, dashes and underscores
 * @param listenHost the address clients connect to, {@code 127.0.0.1} for a private server
 * @param port the client port
 * @param storeDirectory JetStream's {@code store_dir}
 * @param sync {@code jetstream.sync_interval}, or null for the server's default (2.10 and later
 *     understand it; 2.9 refuses to start with it)
 */
public record ServerConfiguration(String serverName, String listenHost, int port, String storeDirectory,
    SyncPolicy sync) {
  public ServerConfiguration {
    if (serverName == null || !serverName.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("server name must be letters, digits, dashes and underscores, was '"
          + serverName + "'");
    }
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
    requireQuotable("store directory", storeDirectory);
    requireQuotable("listen host", listenHost);
  }

  private static void requireQuotable(String what, String value) {
    if (value == null || value.isEmpty() || value.contains("\"") || value.contains("\\") || value.contains("\n")) {
      throw new IllegalArgumentException(what + " must be non-empty without quotes, backslashes or newlines, was '"
          + value + "'");
    }
  }

  /** The file's text, in nats-server's configuration syntax. */
  public String text() {
    StringBuilder out = new StringBuilder()
        .append("# Written by brokerbench for one run.\n")
        .append("server_name: ").append(serverName).append('\n')
        .append("listen: \"").append(listenHost).append(':').append(port).append("\"\n")
        .append("jetstream {\n")
        .append("  store_dir: \"").append(storeDirectory).append("\"\n");
    if (sync != null) out.append("  sync_interval: ").append(sync.configValue()).append('\n');
    return out.append("}\n").toString();
  }
}
