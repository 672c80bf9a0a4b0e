package io.brokerbench.adapter.redis;

import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.QueueRef;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TopologyPlan} as Redis streams and consumer groups.
 *
 * <ul>
 *   <li>Destination {@code d}, partition {@code p} is the stream {@code bb-<run>-d<d>-p<p>} (fanout),
 *       or, for direct routing, one stream per routing key: {@code bb-<run>-d<d>-p<p>.<key>} ({@code
 *       bb-<run>-d<d>-p<p>} for the empty key). A message is appended to the stream of its
 *       destination, partition and, with direct routing, routing key.
 *   <li>Subscription {@code s} is the consumer group {@code bb-<run>-s<s>}, created at id {@code 0}
 *       (so it reads everything the stream holds) on the streams its binding selects: fanout, every
 *       partition's stream; direct, per partition the stream of each of its binding keys.
 *   <li>Consumer {@code c} of subscription {@code s} reads the streams of the partitions {@link
 *       TopologyPlan#queuesOf} gives it, all in one {@code XREADGROUP}.
 * </ul>
 *
 * <p>A stream has no routing of its own: a consumer group reads every entry of the streams it is
 * created on. Direct routing maps onto that exactly, one stream per key; topic patterns and headers
 * cannot, and are refused ({@link #unsupportedReason}). Immutable; thread-safe.
 */
final class StreamTopology {
  private final TopologyPlan plan;
  private final Map<String, Integer> subscriptionByGroup = new HashMap<>();
  /** Per subscription, the routing keys its streams carry: {@code [""]} for fanout. */
  private final List<List<String>> keysBySubscription = new ArrayList<>();

  /**
   * One stream a consumer reads.
   *
   * @param key the stream's key
   * @param destination destination index
   * @param partition partition index
   */
  record StreamRef(String key, int destination, int partition) {}

  /** @throws IllegalArgumentException with {@link #unsupportedReason}'s reason when the plan cannot be mapped */
  StreamTopology(TopologyPlan plan) {
    unsupportedReason(plan).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    this.plan = plan;
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      subscriptionByGroup.put(group(s), s);
      keysBySubscription.add(plan.routing() == Routing.FANOUT
          ? List.of("")
          : List.copyOf(new LinkedHashSet<>(plan.subscriptions().get(s).keys())));
    }
  }

  /** Why Redis streams cannot carry {@code plan}'s routing, or empty when they can. */
  static Optional<String> unsupportedReason(TopologyPlan plan) {
    return switch (plan.routing()) {
      case DIRECT, FANOUT -> Optional.empty();
      case TOPIC -> Optional.of("topic routing: a Redis stream has no pattern filter, a consumer group reads every entry"
          + " of the streams it is created on; matching * and # against routing keys would be the harness's work,"
          + " not Redis's");
      case HEADERS -> Optional.of("headers routing: a consumer group reads every entry of its streams and never"
          + " selects entries by their fields");
    };
  }

  TopologyPlan plan() {
    return plan;
  }

  /** The stream a message of ({@code destination}, {@code partition}) with {@code routingKey} is appended to. */
  String streamOf(int destination, int partition, String routingKey) {
    String base = plan.exchangeName(destination, partition);
    return plan.routing() == Routing.FANOUT || routingKey.isEmpty() ? base : base + "." + routingKey;
  }

  /** The consumer group of subscription {@code s}. */
  String group(int subscription) {
    return plan.groupName(subscription);
  }

  /** The subscription whose group is {@code group}, or -1 for a group that is not the run's. */
  int subscriptionOf(String group) {
    return subscriptionByGroup.getOrDefault(group, -1);
  }

  /** The streams subscription {@code s} reads on ({@code destination}, {@code partition}). */
  List<String> streamsOf(int subscription, int destination, int partition) {
    List<String> out = new ArrayList<>();
    for (String key : keysBySubscription.get(subscription)) out.add(streamOf(destination, partition, key));
    return out;
  }

  /** The streams consumer {@code consumerIndex} of subscription {@code s} reads; empty for an idle consumer. */
  List<StreamRef> streamsReadBy(int subscription, int consumerIndex) {
    List<StreamRef> out = new ArrayList<>();
    for (QueueRef q : plan.queuesOf(consumerIndex)) {
      for (String key : streamsOf(subscription, q.destination(), q.partition())) {
        out.add(new StreamRef(key, q.destination(), q.partition()));
      }
    }
    return out;
  }

  /** Every stream that has consumer groups, with the groups to create on it, in plan order. */
  Map<String, List<String>> groupsByStream() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int d = 0; d < plan.destinations(); d++) {
      for (int p = 0; p < plan.partitions(); p++) {
        for (int s = 0; s < plan.subscriptionCount(); s++) {
          for (String stream : streamsOf(s, d, p)) out.computeIfAbsent(stream, k -> new ArrayList<>()).add(group(s));
        }
      }
    }
    return out;
  }

  /** Every stream of the plan: those with groups and those messages are appended to without any. */
  Set<String> allStreams() {
    Set<String> out = new LinkedHashSet<>(groupsByStream().keySet());
    for (int d = 0; d < plan.destinations(); d++) {
      for (int p = 0; p < plan.partitions(); p++) {
        for (MessageVariant v : plan.variants()) out.add(streamOf(d, p, v.routingKey()));
      }
    }
    return out;
  }
}
