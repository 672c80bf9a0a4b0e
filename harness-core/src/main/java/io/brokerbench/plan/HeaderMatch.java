package io.brokerbench.plan;

/** {@code x-match} of a headers binding. */
public enum HeaderMatch {
  /** Every binding header must be present in the message with the same value. */
  ALL,
  /** At least one binding header must be present with the same value. */
  ANY
}
