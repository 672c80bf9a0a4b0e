package io.brokerbench.engine.log;

/** Receives records from {@link ShareConsumer#poll(java.time.Duration, ShareRecordHandler)}, on the polling thread. */
@FunctionalInterface
public interface ShareRecordHandler {
  /**
   * Handles one acquired record. When it throws, this record is released (delivered again, its
   * delivery counted), the records the poll acquired but had not yet handed out are released without
   * counting a delivery, and the exception propagates out of the poll.
   */
  void handle(ShareRecordView record);
}
