package io.brokerbench.engine.log;

/** The engine refused to grow a log because free disk space is below the configured minimum. */
public final class InsufficientDiskSpaceException extends LogException {
  public InsufficientDiskSpaceException(String message) {
    super(message);
  }
}
