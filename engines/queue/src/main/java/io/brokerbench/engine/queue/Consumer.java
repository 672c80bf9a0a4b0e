package io.brokerbench.engine.queue;

/**
 * A registered consumer of one queue (AMQP basic.consume). Closing it (basic.cancel) returns its
 * unsettled deliveries to the queue, at their original positions, flagged redelivered when they
 * had reached the handler. Thread-safe.
 */
public final class Consumer implements AutoCloseable {
  final ConsumerState state;

  Consumer(ConsumerState state) {
    this.state = state;
  }

  /** The queue consumed. */
  public String queue() {
    return state.queue.name;
  }

  /** Whether this consumer was closed, or its queue or session went away. */
  public boolean isClosed() {
    return state.cancelled;
  }

  /**
   * Stops deliveries and returns unsettled ones to the queue. When called from another thread than
   * the session's, waits until a handler call in progress for this session returns; after that the
   * handler is not called again for this consumer. Idempotent.
   */
  @Override
  public void close() {
    state.session.cancel(state, true);
  }
}
