package io.brokerbench.engine.log;

/** The member left its group or was removed after its session timed out; it must join again. */
public final class UnknownMemberException extends LogException {
  public UnknownMemberException(String message) {
    super(message);
  }
}
