package io.brokerbench.engine.log;

/**
 * A group member's commit carried a generation older than the group's current one, or named a
 * partition the member no longer owns; nothing was committed.
 */
public final class StaleGenerationException extends LogException {
  public StaleGenerationException(String message) {
    super(message);
  }
}
