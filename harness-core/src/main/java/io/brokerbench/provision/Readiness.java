package io.brokerbench.provision;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How a server that was just started shows it is ready, and the words for waiting on it.
 *
 * @param probe one check, bounded in time (a few hundred ms at most), that never throws: true once
 *     the server serves
 * @param awaited what was waited for, completing "did not ... within", e.g. {@code open
 *     127.0.0.1:4222}
 */
public record Readiness(BooleanSupplier probe, String awaited) {
  /** How long one probe of the built-in checks ({@link #portOpen}) may take, in ms; a good bound for an adapter's own. */
  public static final int PROBE_MILLIS = 200;

  public Readiness {
    if (probe == null) throw new IllegalArgumentException("probe must be set");
    if (awaited == null || awaited.isBlank()) throw new IllegalArgumentException("awaited must not be blank");
  }

  /** Ready once 127.0.0.1:{@code port} accepts TCP connections. */
  public static Readiness portOpen(int port) {
    return new Readiness(() -> TcpProbe.acceptsOnLoopback(port, PROBE_MILLIS), "open 127.0.0.1:" + port);
  }

  /**
   * Probes every {@code pollInterval} until the server is ready, its process exits, or {@code
   * deadlineNanos} (on {@link System#nanoTime()}) passes.
   *
   * @param startTimeout the bound the deadline stands for, for the message
   * @return empty when ready; otherwise what went wrong, e.g. {@code exited during start-up with
   *     code 1} or {@code did not open 127.0.0.1:4222 within PT30S}
   */
  public Optional<String> await(ChildProcess server, long deadlineNanos, Duration startTimeout, Duration pollInterval)
      throws InterruptedException {
    while (!probe.getAsBoolean()) {
      if (!server.isAlive()) return Optional.of("exited during start-up with code " + server.exitValue());
      if (System.nanoTime() > deadlineNanos) return Optional.of("did not " + awaited + " within " + startTimeout);
      Thread.sleep(pollInterval.toMillis());
    }
    return Optional.empty();
  }
}
