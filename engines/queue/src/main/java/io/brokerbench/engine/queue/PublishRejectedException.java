package io.brokerbench.engine.queue;

/** A queue refused a message (overflow reject-publish), or the engine stopped before confirming it. */
public final class PublishRejectedException extends RuntimeException {
  public PublishRejectedException(String message) {
    super(message);
  }

  public PublishRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
