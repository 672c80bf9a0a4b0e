package io.brokerbench.adapter.nats;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;

/**
 * What the settings of target {@code nats} promise about a confirmed (publish-acked) message, as
 * nats-server does it for a stream of one replica, which is what the target creates:
 *
 * <ul>
 *   <li><b>Memory storage</b>: the stream holds the message in the server's memory when it acks;
 *       a kill or a power loss loses everything.
 *   <li><b>File storage</b>: the server appends the message to the stream's current block file
 *       with a {@code write} (flush in place: a one-replica stream never flushes asynchronously)
 *       before it acks, so a kill of the server loses nothing acked. The fsync is separate: on a
 *       timer of its own (nats-server 2.9: every 2 minutes, hard-wired; 2.10 and later:
 *       {@code jetstream.sync_interval}, 2 minutes by default), so a power loss loses what was
 *       acked since the last fsync. With {@code sync_interval: always} (setting {@code sync:
 *       always}, 2.10 and later) the server fsyncs before it acks.
 * </ul>
 *
 * <p>An external server's sync interval cannot be seen by a client; its guarantee is stated as for
 * an interval. Whatever the interval, the categories hold (confirmed from the page cache, a kill
 * loses nothing, a power loss loses what was acked since the last fsync); only {@code always}
 * would make them stronger, so the statement may understate such a server, never overstate it.
 * Pure functions; thread-safe.
 */
final class NatsGuarantee {
  /** nats-server's fsync interval when nothing configures it (2.9: hard-wired). */
  static final String DEFAULT_SYNC_INTERVAL = "2m";

  private NatsGuarantee() {}

  /**
   * The guarantee of streams with {@code storage} on a server of {@code version}.
   *
   * @param sync the sync policy the harness gave the server, or null when it runs with its own
   * @param serverConfiguredHere whether the harness wrote the server's configuration (local,
   *     testcontainers), so its sync interval is known; false for an external server
   */
  static Guarantee of(StreamStorage storage, SyncPolicy sync, ServerVersion version, boolean serverConfiguredHere) {
    if (storage == StreamStorage.MEMORY) return Guarantee.inMemory("stream.storage=memory");
    String basis = "stream.storage=file, nats-server " + version + ": written to the page cache before the publish ack";
    if (sync != null && sync.always()) {
      return new Guarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED,
          "stream.storage=file, fsync=always, nats-server " + version + ": fsynced before the publish ack");
    }
    String fsync;
    if (sync != null) {
      fsync = "fsynced every " + sync + " (fsync=interval(" + sync + "))";
    } else if (!version.atLeast(ServerVersion.SYNC_INTERVAL_SINCE)) {
      fsync = "fsynced every " + DEFAULT_SYNC_INTERVAL + " on the server's own timer (no setting before "
          + ServerVersion.SYNC_INTERVAL_SINCE + ")";
    } else if (serverConfiguredHere) {
      fsync = "fsynced every " + DEFAULT_SYNC_INTERVAL + " (the default jetstream.sync_interval)";
    } else {
      fsync = "fsynced per the server's jetstream.sync_interval, which clients cannot see; stated for its default, "
          + DEFAULT_SYNC_INTERVAL;
    }
    return new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED,
        basis + "; " + fsync);
  }
}
