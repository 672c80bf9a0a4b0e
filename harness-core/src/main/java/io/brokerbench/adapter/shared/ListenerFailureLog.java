package io.brokerbench.adapter.shared;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Logs the first exception a harness listener throws into a consumer's delivery path, and none
 * after it. A consumer catches what its listener throws (thrown into the client it would close the
 * channel, or reach only the client's error listener) and keeps consuming; one line says so.
 *
 * <p>Thread-safe: the client's threads may report concurrently; exactly one line is logged.
 */
public final class ListenerFailureLog {
  private final Consumer<String> log;
  private final String listener;
  private final String further;
  private final AtomicBoolean reported = new AtomicBoolean();

  /**
   * @param listener which listener, as the line names it, e.g. {@code a delivery listener}
   * @param further whose further failures go unreported, e.g. {@code of this consumer}; empty for none
   */
  public ListenerFailureLog(Consumer<String> log, String listener, String further) {
    this.log = log;
    this.listener = listener;
    this.further = further.isEmpty() ? "" : " " + further;
  }

  /** Logs {@code failure} if it is the first; later ones are dropped. */
  public void report(RuntimeException failure) {
    if (reported.compareAndSet(false, true)) {
      log.accept(listener + " threw " + failure + "; further failures" + further + " are not reported");
    }
  }
}
