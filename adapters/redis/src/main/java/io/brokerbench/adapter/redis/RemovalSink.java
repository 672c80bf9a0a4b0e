package io.brokerbench.adapter.redis;

import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.RemovalReason;

/**
 * Where the target reports the messages it removed (trimmed by {@code MAXLEN}, rejected without
 * requeue): the harness's {@link RemovalListener} while it watches, nowhere otherwise. Thread-safe:
 * producers' and consumers' threads report concurrently.
 */
final class RemovalSink {
  private volatile RemovalListener listener;

  /** Reports to {@code listener} until the returned handle is closed. */
  AutoCloseable watch(RemovalListener listener) {
    this.listener = listener;
    return () -> {
      if (this.listener == listener) this.listener = null;
    };
  }

  /** Message {@code envelope} (the run's envelope first) left {@code subscription} for {@code reason}. */
  void removed(int subscription, byte[] envelope, RemovalReason reason) {
    RemovalListener current = listener;
    if (current != null) current.onRemoved(subscription, envelope, envelope.length, reason);
  }
}
