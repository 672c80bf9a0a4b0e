package io.brokerbench.engine.log;

/** The engine, producer or consumer was closed (or crashed) before or during the call. */
public final class EngineClosedException extends LogException {
  public EngineClosedException(String message) {
    super(message);
  }
}
