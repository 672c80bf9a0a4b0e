package io.brokerbench.scenario;

import java.time.Duration;

/**
 * When a workload's producers send and how long the harness waits for what they sent: a warm-up,
 * then the measured window, which is either a duration or a message count, then the drain.
 *
 * @param warmup time producers run before the measured window, at least 0; messages sent in it are in
 *     the ledger but not in latency or throughput
 * @param duration length of the measured window, above 0, or {@code null} when {@code count} is set
 * @param count total messages in the measured window across producers, at least 1, or 0 when
 *     {@code duration} is set
 * @param drainTimeout longest wait after producers stop for every expected message to arrive, above 0
 */
public record Timing(Duration warmup, Duration duration, long count, Duration drainTimeout) {
  public Timing {
    if (warmup == null || warmup.isNegative()) throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
    if ((duration == null) == (count == 0)) {
      throw new IllegalArgumentException("exactly one of duration and count must be set, was duration " + duration
          + " and count " + count);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration must be > 0, was " + duration);
    }
    if (count < 0) throw new IllegalArgumentException("count must be >= 1, was " + count);
    if (drainTimeout == null || drainTimeout.isNegative() || drainTimeout.isZero()) {
      throw new IllegalArgumentException("drainTimeout must be > 0, was " + drainTimeout);
    }
  }

  /** A measured window of {@code duration}. */
  public static Timing ofDuration(Duration warmup, Duration duration, Duration drainTimeout) {
    return new Timing(warmup, duration, 0, drainTimeout);
  }

  /** A measured window of {@code count} messages across producers. */
  public static Timing ofCount(Duration warmup, long count, Duration drainTimeout) {
    return new Timing(warmup, null, count, drainTimeout);
  }

  /** Whether the measured window is a message count rather than a duration. */
  public boolean isCounted() {
    return duration == null;
  }
}
