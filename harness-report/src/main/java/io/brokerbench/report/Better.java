package io.brokerbench.report;

/** Which direction of a figure is the better one, for marking the best value in a column. */
enum Better {
  HIGHER,
  LOWER,
  /** An input or a count with no better direction (offered rate, messages checked). */
  NEITHER
}
