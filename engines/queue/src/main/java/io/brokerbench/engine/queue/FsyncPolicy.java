package io.brokerbench.engine.queue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the journal forces written records to the device, which decides when a persistent message
 * on a durable queue is confirmed.
 *
 * <ul>
 *   <li>{@code always}: the journal thread writes everything appended so far and forces it; every
 *       publisher waiting meanwhile shares that one force (group commit). Confirmed means on the device.
 *   <li>{@code interval(ms)}: records are written as they come; a force runs every {@code
 *       intervalMillis}, and a message is confirmed by the first force after its write, as
 *       RabbitMQ does. Confirmed means on the device.
 *   <li>{@code never}: a message is confirmed once written to the operating system; a process
 *       crash loses nothing confirmed, a power loss may.
 * </ul>
 *
 * @param kind which policy
 * @param intervalMillis for {@link Kind#INTERVAL}: milliseconds between forces, 1 to 60,000; 0 otherwise
 */
public record FsyncPolicy(Kind kind, long intervalMillis) {
  private static final Pattern INTERVAL = Pattern.compile("interval\\((\\d+)(?:ms)?\\)");

  /** The three policies. */
  public enum Kind { ALWAYS, INTERVAL, NEVER }

  /** The longest interval between forces: one minute. */
  public static final long MAX_INTERVAL_MILLIS = 60_000;

  public FsyncPolicy {
    if (kind == null) throw new IllegalArgumentException("fsync kind must be set");
    if (kind == Kind.INTERVAL && (intervalMillis < 1 || intervalMillis > MAX_INTERVAL_MILLIS)) {
      throw new IllegalArgumentException("fsync intervalMillis must be between 1 and " + MAX_INTERVAL_MILLIS + ", was "
          + intervalMillis);
    }
    if (kind != Kind.INTERVAL && intervalMillis != 0) {
      throw new IllegalArgumentException("fsync intervalMillis must be 0 unless kind is INTERVAL, was " + intervalMillis);
    }
  }

  public static FsyncPolicy always() {
    return new FsyncPolicy(Kind.ALWAYS, 0);
  }

  public static FsyncPolicy never() {
    return new FsyncPolicy(Kind.NEVER, 0);
  }

  public static FsyncPolicy interval(long millis) {
    return new FsyncPolicy(Kind.INTERVAL, millis);
  }

  /**
   * Parses {@code always}, {@code never}, {@code interval(200)} or {@code interval(200ms)}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static FsyncPolicy parse(String text) {
    String t = text.trim();
    if (t.equals("always")) return always();
    if (t.equals("never")) return never();
    Matcher m = INTERVAL.matcher(t);
    if (m.matches()) return interval(Long.parseLong(m.group(1)));
    throw new IllegalArgumentException("fsync must be always, never or interval(<ms>), found '" + text + "'");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ALWAYS -> "always";
      case NEVER -> "never";
      case INTERVAL -> "interval(" + intervalMillis + "ms)";
    };
  }
}
