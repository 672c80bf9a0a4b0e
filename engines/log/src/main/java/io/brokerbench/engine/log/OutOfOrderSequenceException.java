package io.brokerbench.engine.log;

/**
 * An idempotent producer's batch skipped sequence numbers, or repeated one that is no longer among
 * the recent batches remembered for it; nothing was appended.
 */
public final class OutOfOrderSequenceException extends LogException {
  public OutOfOrderSequenceException(String message) {
    super(message);
  }
}
