package io.brokerbench.metrics;

/** Which direction of a figure is the better one, for marking the best value and judging a change. */
public enum Better {
  HIGHER,
  LOWER,
  /** An input or a count with no better direction (offered rate, messages checked, removed on purpose). */
  NEITHER
}
