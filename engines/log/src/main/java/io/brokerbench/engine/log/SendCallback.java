package io.brokerbench.engine.log;

/** Told the outcome of one sent record. */
@FunctionalInterface
public interface SendCallback {
  /**
   * Called once per record, on the producer's sender thread or the engine's flusher thread, in
   * offset order per partition. Keep it short: it holds back other acknowledgements.
   *
   * @param partition where the record went
   * @param offset its offset, or -1 on error
   * @param error null on success, else why the record was not acknowledged
   */
  void onCompletion(TopicPartition partition, long offset, Throwable error);
}
