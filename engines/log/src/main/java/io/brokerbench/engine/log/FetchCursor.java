package io.brokerbench.engine.log;

/**
 * Remembers where the previous read of one partition ended, so that a reader going forward skips
 * the index lookup and header scan. Owned by one reader; not thread-safe. A cursor that does not
 * match the requested offset is ignored.
 */
public final class FetchCursor {
  long nextOffset = -1;
  Segment segment;
  int position;

  /** Forgets the position (after a seek). */
  public void reset() {
    nextOffset = -1;
    segment = null;
    position = 0;
  }
}
