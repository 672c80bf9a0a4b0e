package io.brokerbench.adapter.redis.provision;

import io.brokerbench.adapter.redis.Persistence;

/**
 * The configuration file of a redis-server the harness starts (a private server, a container):
 * where it listens, where it keeps its files, and its persistence. No RDB snapshots ({@code save
 * ""}) and fsync also during background rewrites ({@code no-appendfsync-on-rewrite no}), so the
 * append-only settings alone decide the guarantee; everything else keeps Redis's defaults, so a run
 * measures the server as installed. The log goes to standard output, which the harness captures.
 *
 * @param listenHost the address it binds, {@code 127.0.0.1} for a private server
 * @param protectedMode Redis's {@code protected-mode}: without a password it then refuses clients
 *     that do not come from a loopback address, which a container's clients never do
 * @param port the client port
 * @param dataDirectory {@code dir}: the append-only directory ({@code appendonlydir}) goes there
 * @param appendOnly {@code appendonly}
 * @param appendFsync {@code appendfsync} (one of {@code always}, {@code everysec}, {@code no})
 */
public record ServerConfiguration(String listenHost, boolean protectedMode, int port, String dataDirectory,
    boolean appendOnly, String appendFsync) {
  public ServerConfiguration {
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
    requireQuotable("listen host", listenHost);
    requireQuotable("data directory", dataDirectory);
    if (!appendFsync.matches("always|everysec|no")) {
      throw new IllegalArgumentException("appendfsync must be always, everysec or no, was '" + appendFsync + "'");
    }
  }

  /** The configuration of a server with {@code persistence}'s append-only settings. */
  public static ServerConfiguration of(String listenHost, boolean protectedMode, int port, String dataDirectory,
      Persistence persistence) {
    return new ServerConfiguration(listenHost, protectedMode, port, dataDirectory, persistence.appendOnly(),
        persistence.appendFsync().configValue());
  }

  private static void requireQuotable(String what, String value) {
    if (value == null || value.isEmpty() || value.contains("\"") || value.contains("\\") || value.contains("\n")
        || value.contains("'")) {
      throw new IllegalArgumentException(what + " must be non-empty without quotes, backslashes or newlines, was '"
          + value + "'");
    }
  }

  /** The file's text, in redis.conf syntax. */
  public String text() {
    return "# Written by brokerbench for one run.\n"
        + "bind " + listenHost + "\n"
        + "protected-mode " + (protectedMode ? "yes" : "no") + "\n"
        + "port " + port + "\n"
        + "daemonize no\n"
        + "logfile \"\"\n"
        + "dir \"" + dataDirectory + "\"\n"
        + "save \"\"\n"
        + "appendonly " + (appendOnly ? "yes" : "no") + "\n"
        + "appendfsync " + appendFsync + "\n"
        + "no-appendfsync-on-rewrite no\n";
  }
}
