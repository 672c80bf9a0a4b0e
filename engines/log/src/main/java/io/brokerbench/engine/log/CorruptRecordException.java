package io.brokerbench.engine.log;

/** A batch failed its size, magic or CRC check; the message names the file, position, expected and found. */
public final class CorruptRecordException extends LogException {
  public CorruptRecordException(String message) {
    super(message);
  }
}
