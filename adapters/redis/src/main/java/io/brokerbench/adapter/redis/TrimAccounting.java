package io.brokerbench.adapter.redis;

import io.brokerbench.spi.RemovalReason;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns the replies of capped appends ({@link CappedAppend}) into removals: per stream a {@link
 * StreamTrimLedger} matches entries and trims, and every message a trim removed before a
 * subscription's group read it is reported once, for that subscription, as {@link
 * RemovalReason#MAX_LENGTH}. Thread-safe: producers' reply threads call {@link #appended}
 * concurrently.
 */
final class TrimAccounting {
  private final StreamTopology topology;
  private final RemovalSink sink;
  private final ConcurrentMap<String, StreamTrimLedger> ledgers = new ConcurrentHashMap<>();

  TrimAccounting(StreamTopology topology, RemovalSink sink) {
    this.topology = topology;
    this.sink = sink;
  }

  /**
   * The append of the run's message with {@code envelope} to {@code stream} was answered with
   * {@code reply}.
   */
  void appended(String stream, CappedAppend.AppendReply reply, byte[] envelope) {
    StreamTrimLedger ledger = ledgers.computeIfAbsent(stream, k -> new StreamTrimLedger());
    report(ledger.appended(reply.id(), envelope));
    if (reply.trim() != null) report(ledger.trimmed(reply.trim()));
  }

  private void report(List<StreamTrimLedger.Removal> removals) {
    for (StreamTrimLedger.Removal r : removals) {
      int subscription = topology.subscriptionOf(r.group());
      if (subscription >= 0) sink.removed(subscription, r.envelope(), RemovalReason.MAX_LENGTH);
    }
  }
}
