package io.brokerbench.engine.queue;

/** The engine was closed or crashed; nothing more can be done with it. */
public final class EngineClosedException extends RuntimeException {
  public EngineClosedException(String message) {
    super(message);
  }

  public EngineClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
