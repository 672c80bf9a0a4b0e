package io.brokerbench.engine.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exchange and its bindings. Routing reads an immutable snapshot of the bindings through a
 * volatile field, so publishers take no lock; binding changes (rare) copy the snapshot under the
 * exchange's monitor. Thread-safe.
 */
final class Exchange {
  /** Most routing keys whose topic match results are cached before the cache is cleared. */
  private static final int TOPIC_CACHE_LIMIT = 4096;

  final String name;
  final ExchangeType type;
  final boolean durable;
  private volatile Snapshot snapshot = new Snapshot(List.of());

  Exchange(String name, ExchangeType type, boolean durable) {
    this.name = name;
    this.type = type;
    this.durable = durable;
  }

  /** One binding: arguments and destination (a {@link MessageQueue} or an {@link Exchange}). */
  record Bound(Binding binding, Object destination) {}

  private static final class Snapshot {
    final List<Bound> bindings;
    final Object[] all;
    final Map<String, Object[]> byKey;
    final ConcurrentHashMap<String, Object[]> topicCache = new ConcurrentHashMap<>();

    Snapshot(List<Bound> bindings) {
      this.bindings = List.copyOf(bindings);
      this.all = bindings.stream().map(Bound::destination).distinct().toArray();
      Map<String, List<Object>> keys = new HashMap<>();
      for (Bound b : bindings) {
        List<Object> l = keys.computeIfAbsent(b.binding().routingKey(), k -> new ArrayList<>());
        if (!l.contains(b.destination())) l.add(b.destination());
      }
      Map<String, Object[]> m = new HashMap<>();
      keys.forEach((k, v) -> m.put(k, v.toArray()));
      this.byKey = m;
    }
  }

  synchronized boolean bind(Binding binding, Object destination) {
    Bound b = new Bound(binding, destination);
    if (snapshot.bindings.contains(b)) return false;
    List<Bound> l = new ArrayList<>(snapshot.bindings);
    l.add(b);
    snapshot = new Snapshot(l);
    return true;
  }

  synchronized boolean unbind(Binding binding, Object destination) {
    List<Bound> l = new ArrayList<>(snapshot.bindings);
    boolean removed = l.remove(new Bound(binding, destination));
    if (removed) snapshot = new Snapshot(l);
    return removed;
  }

  /** Removes every binding to {@code destination}. */
  synchronized void unbindAll(Object destination) {
    List<Bound> l = new ArrayList<>(snapshot.bindings);
    if (l.removeIf(b -> b.destination() == destination)) snapshot = new Snapshot(l);
  }

  List<Bound> bindings() {
    return snapshot.bindings;
  }

  /** Adds every queue this exchange (and exchanges bound to it) routes the message to. */
  void route(String routingKey, Map<String, String> headers, RouteCollector out) {
    if (!out.visit(this)) return;
    Snapshot s = snapshot;
    Object[] dests;
    switch (type) {
      case FANOUT -> dests = s.all;
      case DIRECT -> dests = s.byKey.get(routingKey);
      case TOPIC -> dests = topic(s, routingKey);
      case HEADERS -> {
        for (Bound b : s.bindings) {
          if (HeadersMatcher.matches(b.binding(), headers)) out.addDestination(b.destination(), routingKey, headers);
        }
        return;
      }
      default -> throw new AssertionError(type);
    }
    if (dests == null) return;
    for (Object d : dests) out.addDestination(d, routingKey, headers);
  }

  private static Object[] topic(Snapshot s, String routingKey) {
    Object[] cached = s.topicCache.get(routingKey);
    if (cached != null) return cached;
    String[] words = TopicPattern.split(routingKey);
    List<Object> l = new ArrayList<>();
    for (Bound b : s.bindings) {
      if (!l.contains(b.destination()) && TopicPattern.matches(TopicPattern.split(b.binding().routingKey()), words)) {
        l.add(b.destination());
      }
    }
    Object[] result = l.toArray();
    if (s.topicCache.size() >= TOPIC_CACHE_LIMIT) s.topicCache.clear();
    s.topicCache.put(routingKey, result);
    return result;
  }
}
