package io.brokerbench.engine.queue;

/** A declaration, binding or lookup is invalid: unknown exchange or queue, or a redeclaration with other options. */
public final class TopologyException extends RuntimeException {
  public TopologyException(String message) {
    super(message);
  }

  public TopologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
