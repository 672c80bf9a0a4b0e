package io.brokerbench.adapter.redis;

/**
 * The retention of every stream of a run: each append trims the stream to {@code maxLen} entries,
 * as {@code XADD key MAXLEN <operator> maxLen} does.
 *
 * @param maxLen entries a stream keeps, at least 1 (so the newest entry always stays)
 * @param mode exact or approximate trimming
 */
public record StreamRetention(long maxLen, TrimMode mode) {
  public StreamRetention {
    if (maxLen < 1) throw new IllegalArgumentException("stream.max-length must be at least 1, found " + maxLen);
    if (mode == null) throw new IllegalArgumentException("mode must be set");
  }

  @Override
  public String toString() {
    return "MAXLEN " + mode.operator() + " " + maxLen;
  }
}
