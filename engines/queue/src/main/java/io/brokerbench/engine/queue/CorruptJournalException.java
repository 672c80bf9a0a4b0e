package io.brokerbench.engine.queue;

/** The journal or topology file cannot be read past a point that is not a torn tail; the message names the file, offset, expected and found. */
public final class CorruptJournalException extends RuntimeException {
  public CorruptJournalException(String message) {
    super(message);
  }

  public CorruptJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
