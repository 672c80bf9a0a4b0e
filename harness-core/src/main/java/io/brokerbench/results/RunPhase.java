package io.brokerbench.results;

import java.util.Locale;

/** The phases of a run, in order. Each begins where the previous one ends. */
public enum RunPhase {
  /** Producers run; what they send is in the ledger, not in rates or latency. */
  WARMUP,
  /** The measured window; for a fixed rate it lasts past the window's end while late slots are sent. */
  MEASURE,
  /** Producers have stopped; waiting for confirms and deliveries, up to the drain timeout. */
  DRAIN,
  /** Consumers, producers and the target are being closed. */
  TEARDOWN;

  /** The name in results.json: {@code warmup}, {@code measure}, {@code drain}, {@code teardown}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
