package io.brokerbench.engine.log;

/** Base of the log engine's failures; the message names the partition, file or group concerned. */
public class LogException extends RuntimeException {
  public LogException(String message) {
    super(message);
  }

  public LogException(String message, Throwable cause) {
    super(message, cause);
  }
}
