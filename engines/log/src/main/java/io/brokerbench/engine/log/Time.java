package io.brokerbench.engine.log;

/**
 * The engine's clocks, injectable so that session timeouts, linger and retention are tested on a
 * fake clock. Implementations are thread-safe.
 */
public interface Time {

  /** Monotonic nanoseconds, for timeouts and intervals ({@link System#nanoTime()}). */
  long nanos();

  /** Wall-clock milliseconds since the epoch, for record timestamps and time retention. */
  long millis();

  /** The system clocks. */
  Time SYSTEM = new Time() {
    @Override
    public long nanos() {
      return System.nanoTime();
    }

    @Override
    public long millis() {
      return System.currentTimeMillis();
    }
  };
}
