package io.brokerbench.adapter.nats;

import io.brokerbench.spi.Quantities;
import java.time.Duration;

/**
 * How often a nats-server fsyncs JetStream file storage: the {@code fsync} setting, which becomes the
 * server's {@code jetstream.sync_interval}. Only nats-server 2.10 and later read that option; 2.9
 * syncs every 2 minutes on a timer of its own that no configuration changes.
 *
 * @param always fsync after every write, before the publish ack
 * @param interval the time between background fsyncs when not {@code always}; null when always
 */
public record SyncPolicy(boolean always, Duration interval) {
  /** What {@code sync} accepts, for messages. */
  static final String EXPECTED = "always or a positive duration such as 1s or 100ms";

  public SyncPolicy {
    if (always && interval != null) throw new IllegalArgumentException("an always-sync policy has no interval");
    if (!always && (interval == null || interval.isZero() || interval.isNegative())) {
      throw new IllegalArgumentException("fsync interval must be positive, was " + interval);
    }
  }

  /**
   * The policy written as {@code text}: {@code always} or a positive duration.
   *
   * @throws IllegalArgumentException naming the expected forms
   */
  public static SyncPolicy parse(String text) {
    String t = text.strip();
    if (t.equals("always")) return new SyncPolicy(true, null);
    Duration d;
    try {
      d = Quantities.parseDuration(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fsync expects " + EXPECTED + ", found '" + text + "'");
    }
    if (d.isZero()) throw new IllegalArgumentException("fsync expects " + EXPECTED + ", found '" + text + "'");
    return new SyncPolicy(false, d);
  }

  /** What a setting check reports for {@code text}: null when it parses, else what was expected. */
  static String check(String text) {
    try {
      parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return EXPECTED;
    }
  }

  /**
   * The value of {@code jetstream.sync_interval} in a nats-server configuration file: {@code always}
   * or a quoted Go duration ({@code "10s"}, {@code "250ms"}; Go reads the same units as scenarios).
   */
  public String configValue() {
    return always ? "always" : "\"" + Quantities.formatDuration(interval) + "\"";
  }

  /**
   * Fails when a server of {@code version} cannot apply this policy.
   *
   * @throws IllegalArgumentException naming the version and what it does instead
   */
  public static void requireSupportedBy(ServerVersion version) {
    if (!version.atLeast(ServerVersion.SYNC_INTERVAL_SINCE)) {
      throw new IllegalArgumentException("setting fsync needs nats-server " + ServerVersion.SYNC_INTERVAL_SINCE
          + " or later (jetstream.sync_interval); this server is " + version
          + ", which fsyncs file storage every 2 minutes on its own timer; remove the setting to run on it");
    }
  }

  @Override
  public String toString() {
    return always ? "always" : Quantities.formatDuration(interval);
  }
}
