package io.brokerbench.engine.log;

/** A fetch asked for an offset below the log start (deleted by retention) or past the log end. */
public final class OffsetOutOfRangeException extends LogException {
  public OffsetOutOfRangeException(String message) {
    super(message);
  }
}
