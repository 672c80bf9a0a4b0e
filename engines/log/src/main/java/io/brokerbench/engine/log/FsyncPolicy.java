package io.brokerbench.engine.log;

import java.time.Duration;
import java.util.Locale;

/**
 * When the engine forces log bytes to the disk.
 *
 * @param mode always (after each appended batch, before it is acknowledged), interval (by a
 *     background flusher every {@code interval}) or never (left to the operating system)
 * @param interval the flush period for {@link Mode#INTERVAL}, at least 1 ms; {@link Duration#ZERO}
 *     otherwise
 */
public record FsyncPolicy(Mode mode, Duration interval) {

  /** Fsync modes. */
  public enum Mode { ALWAYS, INTERVAL, NEVER }

  public FsyncPolicy {
    if (mode == null) throw new IllegalArgumentException("fsync mode must be set");
    if (mode == Mode.INTERVAL) {
      if (interval == null || interval.toMillis() < 1) {
        throw new IllegalArgumentException("fsync interval must be at least 1ms, was " + interval);
      }
    } else {
      interval = Duration.ZERO;
    }
  }

  public static FsyncPolicy always() {
    return new FsyncPolicy(Mode.ALWAYS, Duration.ZERO);
  }

  public static FsyncPolicy never() {
    return new FsyncPolicy(Mode.NEVER, Duration.ZERO);
  }

  public static FsyncPolicy interval(Duration interval) {
    return new FsyncPolicy(Mode.INTERVAL, interval);
  }

  /**
   * Parses {@code always}, {@code never} or {@code interval(<ms>)} (also {@code interval(250ms)}).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static FsyncPolicy parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("always")) return always();
    if (t.equals("never")) return never();
    if (t.startsWith("interval(") && t.endsWith(")")) {
      String inner = t.substring("interval(".length(), t.length() - 1).trim();
      if (inner.endsWith("ms")) inner = inner.substring(0, inner.length() - 2).trim();
      try {
        return interval(Duration.ofMillis(Long.parseLong(inner)));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException("fsync must be always, never or interval(<ms>), found '" + text + "'");
  }

  @Override
  public String toString() {
    return mode == Mode.INTERVAL ? "interval(" + interval.toMillis() + ")" : mode.name().toLowerCase(Locale.ROOT);
  }
}
