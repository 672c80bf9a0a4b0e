package io.brokerbench.engine.queue;

import java.util.Arrays;

/**
 * The distinct queues one publish reaches, and the exchanges already visited (exchange-to-exchange
 * bindings may form cycles). One per publishing thread, reused; not thread-safe.
 */
final class RouteCollector {
  MessageQueue[] queues = new MessageQueue[4];
  int queueCount;
  private Exchange[] visited = new Exchange[4];
  private int visitedCount;

  void reset() {
    Arrays.fill(queues, 0, queueCount, null);
    Arrays.fill(visited, 0, visitedCount, null);
    queueCount = 0;
    visitedCount = 0;
  }

  void addQueue(MessageQueue q) {
    for (int i = 0; i < queueCount; i++) if (queues[i] == q) return;
    if (queueCount == queues.length) queues = Arrays.copyOf(queues, queueCount * 2);
    queues[queueCount++] = q;
  }

  /** Marks {@code e} visited; false when it already was. */
  boolean visit(Exchange e) {
    for (int i = 0; i < visitedCount; i++) if (visited[i] == e) return false;
    if (visitedCount == visited.length) visited = Arrays.copyOf(visited, visitedCount * 2);
    visited[visitedCount++] = e;
    return true;
  }

  void addDestination(Object destination, String routingKey, java.util.Map<String, String> headers) {
    if (destination instanceof MessageQueue q) {
      if (!q.isDeleted()) addQueue(q);
    } else {
      ((Exchange) destination).route(routingKey, headers, this);
    }
  }
}
