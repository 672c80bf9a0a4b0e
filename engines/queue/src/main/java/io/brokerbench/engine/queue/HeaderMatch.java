package io.brokerbench.engine.queue;

/** {@code x-match} of a headers binding. */
public enum HeaderMatch {
  /** Every binding header is present in the message with an equal value. An empty binding matches everything. */
  ALL,
  /** At least one binding header is present with an equal value. An empty binding matches nothing. */
  ANY
}
