package io.brokerbench.engine.log;

/** Receives records from {@link LogConsumer#poll(java.time.Duration, RecordHandler)}, on the polling thread. */
@FunctionalInterface
public interface RecordHandler {
  /**
   * Handles one record. When it throws, the consumer's position stays at this record (it is handed
   * out again by the next poll) and the exception propagates out of the poll.
   */
  void handle(RecordView record);
}
