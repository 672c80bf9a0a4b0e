package io.brokerbench.adapter.nats;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.support.Status;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the NATS client reports asynchronously (server errors, exceptions in its threads, slow
 * consumers, dropped messages, missed heartbeats) to the run's log instead of the client's own
 * java.util.logging output, at most {@link #MAX_LINES} lines per connection, then one line saying
 * that further reports are dropped. Thread-safe: the client calls it from its own threads.
 */
final class RunLogErrorListener implements ErrorListener {
  /** Lines per connection before further reports are dropped. */
  static final int MAX_LINES = 20;

  private final String connectionName;
  private final java.util.function.Consumer<String> log;
  private final AtomicInteger lines = new AtomicInteger();

  RunLogErrorListener(String connectionName, java.util.function.Consumer<String> log) {
    this.connectionName = connectionName;
    this.log = log;
  }

  private void report(String what) {
    int n = lines.incrementAndGet();
    if (n <= MAX_LINES) {
      log.accept("nats client " + connectionName + ": " + what);
    } else if (n == MAX_LINES + 1) {
      log.accept("nats client " + connectionName + ": further reports of this connection are not logged");
    }
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    report("server error: " + error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    report("exception: " + exp);
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    report("slow consumer: the client's pending limit was reached and it drops messages (" + consumer.getDroppedCount()
        + " dropped so far)");
  }

  @Override
  public void messageDiscarded(Connection conn, Message msg) {
    report("message to " + msg.getSubject() + " discarded by the client");
  }

  @Override
  public void heartbeatAlarm(Connection conn, JetStreamSubscription sub, long lastStreamSequence,
      long lastConsumerSequence) {
    report("missed idle heartbeats of consumer " + sub.getConsumerName() + " (last stream sequence "
        + lastStreamSequence + ")");
  }

  @Override
  public void unhandledStatus(Connection conn, JetStreamSubscription sub, Status status) {
    report("unhandled status " + status.getMessageWithCode() + " for consumer " + sub.getConsumerName());
  }

  @Override
  public void pullStatusError(Connection conn, JetStreamSubscription sub, Status status) {
    report("pull error " + status.getMessageWithCode() + " for consumer " + sub.getConsumerName());
  }
}
