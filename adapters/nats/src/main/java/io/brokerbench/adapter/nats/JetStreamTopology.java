package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.SubjectFilters.Filter;
import io.brokerbench.adapter.nats.SubjectFilters.Translation;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.QueueRef;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.ConsumerSharing;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TopologyPlan} as JetStream streams, subjects and durable consumers.
 *
 * <ul>
 *   <li>Destination {@code d} is the stream {@code bb-<run>-d<d>} (the plan's log-model topic name)
 *       capturing the subjects {@code bb-<run>-d<d>.>}.
 *   <li>A message of partition {@code p} is published to {@code bb-<run>-d<d>.p<p>.<routing key>}
 *       (direct and topic routing; the bare {@code bb-<run>-d<d>.p<p>} for an empty key) or to
 *       {@code bb-<run>-d<d>.p<p>} (fanout, which ignores the key).
 *   <li>Subscription {@code s} has, per destination and partition, one durable consumer per filter
 *       of its binding ({@link SubjectFilters}): {@code s<s>-p<p>-f<i>} in stream {@code d}, filtered
 *       on the partition's subject plus the filter, deliver policy {@code all} (every message the
 *       stream holds, so a subscription replays from the start), explicit acks ({@link
 *       AckMode#MANUAL}) or none ({@link AckMode#AUTO}). Fanout is one filter: the partition's
 *       subject. A subscription's filters never overlap, so no message reaches a subscription twice.
 *   <li>The prefetch bounds a harness consumer, which may read several durable consumers; JetStream
 *       has no limit shared between consumers, so each gets an equal share as its max ack pending
 *       ({@link #prefetchShare}), at least 1.
 *   <li>Competing consumers ({@link ConsumerSharing#COMPETING}): the same durable consumers, each
 *       read by every harness consumer of the subscription with its own pull requests, so the server
 *       hands each message to one of them; its max ack pending is the share times the consumer count
 *       ({@link #maxAckPending}), and each reader holds itself to its share.
 *   <li>Push consumers deliver to {@code bb-<run>-deliver.d<d>.s<s>.p<p>.f<i>}, outside every
 *       stream's subjects, with flow control; pull consumers have no deliver subject.
 * </ul>
 *
 * <p>Headers routing has no JetStream equivalent (consumers filter on subjects only) and is refused,
 * as are keys and patterns {@link SubjectFilters} cannot express. Immutable; thread-safe.
 */
final class JetStreamTopology {
  /** Idle heartbeat and flow-control interval of push consumers. */
  static final Duration PUSH_FLOW_CONTROL = Duration.ofSeconds(5);

  private final TopologyPlan plan;
  private final List<List<Filter>> filtersBySubscription;

  /**
   * One durable consumer of the plan.
   *
   * @param destination destination index, whose stream it belongs to
   * @param partition partition index
   * @param stream the stream's name
   * @param name the consumer's durable name
   */
  record ConsumerRef(int destination, int partition, String stream, String name) {}

  /** @throws IllegalArgumentException with {@link #unsupportedReason}'s reason when the plan cannot be mapped */
  JetStreamTopology(TopologyPlan plan) {
    unsupportedReason(plan).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    this.plan = plan;
    List<List<Filter>> filters = new ArrayList<>();
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      filters.add(filtersOf(plan.routing(), plan.subscriptions().get(s)).filters());
    }
    this.filtersBySubscription = List.copyOf(filters);
  }

  /** Why JetStream cannot run {@code plan} as mapped here, or empty when it can. */
  static Optional<String> unsupportedReason(TopologyPlan plan) {
    if (plan.routing() == Routing.HEADERS) {
      return Optional.of("headers routing: a JetStream consumer selects messages by subject only, never by header");
    }
    if (plan.routing() == Routing.FANOUT) return Optional.empty();
    for (MessageVariant variant : plan.variants()) {
      Optional<String> problem = SubjectFilters.keyProblem(variant.routingKey(), plan.routing() == Routing.DIRECT);
      if (problem.isPresent()) return problem;
    }
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      Translation t = filtersOf(plan.routing(), plan.subscriptions().get(s));
      if (t.refused()) return Optional.of("subscription " + s + ": " + t.refusal());
    }
    return Optional.empty();
  }

  private static Translation filtersOf(Routing routing, Binding binding) {
    List<Filter> all = new ArrayList<>();
    switch (routing) {
      case FANOUT -> all.add(new Filter("", "fanout"));
      case DIRECT, TOPIC -> {
        for (String key : binding.keys()) {
          Translation t = routing == Routing.DIRECT ? SubjectFilters.translateKey(key) : SubjectFilters.translatePattern(key);
          if (t.refused()) return t;
          all.addAll(t.filters());
        }
      }
      case HEADERS -> {
        return Translation.refused("headers routing has no subject filter");
      }
    }
    return SubjectFilters.disjoint(all);
  }

  TopologyPlan plan() {
    return plan;
  }

  /** The stream of destination {@code d}. */
  String streamName(int destination) {
    return plan.topicName(destination);
  }

  /** The subject of partition {@code p} of destination {@code d}, without routing key. */
  String partitionSubject(int destination, int partition) {
    return streamName(destination) + ".p" + partition;
  }

  /** The subject a message of ({@code d}, {@code p}) with {@code routingKey} is published to. */
  String subject(int destination, int partition, String routingKey) {
    String base = partitionSubject(destination, partition);
    return plan.routing() == Routing.FANOUT || routingKey.isEmpty() ? base : base + "." + routingKey;
  }

  /** The filters of subscription {@code s}, disjoint; empty when its binding selects nothing. */
  List<Filter> filters(int subscription) {
    return filtersBySubscription.get(subscription);
  }

  /** The filter subject of filter {@code f} of subscription {@code s} on ({@code d}, {@code p}). */
  String filterSubject(int subscription, int destination, int partition, int filter) {
    String suffix = filters(subscription).get(filter).suffix();
    String base = partitionSubject(destination, partition);
    return suffix.isEmpty() ? base : base + "." + suffix;
  }

  /** The durable name of filter {@code f} of subscription {@code s} on partition {@code p} (unique in its stream). */
  static String consumerName(int subscription, int partition, int filter) {
    return "s" + subscription + "-p" + partition + "-f" + filter;
  }

  /** Where a push consumer delivers; outside every stream's subjects. */
  String deliverSubject(int subscription, int destination, int partition, int filter) {
    return "bb-" + plan.runId() + "-deliver.d" + destination + ".s" + subscription + ".p" + partition + ".f" + filter;
  }

  /** The durable consumers harness consumer {@code consumerIndex} of subscription {@code s} reads. */
  List<ConsumerRef> consumersOf(int subscription, int consumerIndex) {
    List<ConsumerRef> out = new ArrayList<>();
    for (QueueRef q : plan.queuesOf(consumerIndex)) {
      for (int f = 0; f < filters(subscription).size(); f++) {
        out.add(new ConsumerRef(q.destination(), q.partition(), streamName(q.destination()),
            consumerName(subscription, q.partition(), f)));
      }
    }
    return out;
  }

  /**
   * The max ack pending (and pull batch) of each durable consumer that harness consumer {@code
   * consumerIndex} of subscription {@code s} reads: {@code max(1, prefetch / n)} for {@code n}
   * durable consumers, so together they hold at most the prefetch unacknowledged whenever the
   * prefetch is at least {@code n}; the whole prefetch for one (or none).
   */
  int prefetchShare(int subscription, int consumerIndex) {
    int n = consumersOf(subscription, consumerIndex).size();
    return n <= 1 ? plan.prefetch() : Math.max(1, plan.prefetch() / n);
  }

  /**
   * The max ack pending of the durable consumers of subscription {@code s} on ({@code d}, {@code p}):
   * the prefetch share of the harness consumer that owns the partition; under competing consumers,
   * who all read it, the share times the consumers per subscription (capped at {@code
   * Integer.MAX_VALUE}), so the server never throttles one reader for what the others hold.
   */
  int maxAckPending(int subscription, int destination, int partition) {
    if (plan.sharing() == ConsumerSharing.COMPETING) {
      long all = (long) prefetchShare(subscription, 0) * plan.consumersPerSubscription();
      return (int) Math.min(Integer.MAX_VALUE, all);
    }
    return prefetchShare(subscription, plan.consumerOf(destination, partition));
  }

  /** The configuration of destination {@code d}'s stream: one replica, limits retention, no limits. */
  StreamConfiguration streamConfiguration(int destination, StreamStorage storage) {
    return StreamConfiguration.builder()
        .name(streamName(destination))
        .subjects(streamName(destination) + ".>")
        .storageType(storage.storageType())
        .replicas(1)
        .retentionPolicy(RetentionPolicy.Limits)
        .discardPolicy(DiscardPolicy.Old)
        .build();
  }

  /** The configuration of the durable consumer of filter {@code f} of subscription {@code s} on ({@code d}, {@code p}). */
  ConsumerConfiguration consumerConfiguration(int subscription, int destination, int partition, int filter,
      ConsumerMode mode, Duration ackWait) {
    ConsumerConfiguration.Builder b = ConsumerConfiguration.builder()
        .durable(consumerName(subscription, partition, filter))
        .filterSubject(filterSubject(subscription, destination, partition, filter))
        .deliverPolicy(DeliverPolicy.All);
    if (plan.ackMode() == AckMode.MANUAL) {
      b.ackPolicy(AckPolicy.Explicit).ackWait(ackWait)
          .maxAckPending(maxAckPending(subscription, destination, partition));
    } else {
      b.ackPolicy(AckPolicy.None);
    }
    if (mode == ConsumerMode.PUSH) {
      b.deliverSubject(deliverSubject(subscription, destination, partition, filter)).flowControl(PUSH_FLOW_CONTROL);
    }
    return b.build();
  }

  /** Creates every stream and durable consumer of the plan; existing identical ones are kept. */
  void declare(JetStreamManagement jsm, StreamStorage storage, ConsumerMode mode, Duration ackWait)
      throws IOException, JetStreamApiException {
    for (int d = 0; d < plan.destinations(); d++) jsm.addStream(streamConfiguration(d, storage));
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      for (int d = 0; d < plan.destinations(); d++) {
        for (int p = 0; p < plan.partitions(); p++) {
          for (int f = 0; f < filters(s).size(); f++) {
            jsm.addOrUpdateConsumer(streamName(d), consumerConfiguration(s, d, p, f, mode, ackWait));
          }
        }
      }
    }
  }

  /** Deletes the plan's streams, and with them their consumers; missing ones are fine. */
  void delete(JetStreamManagement jsm) throws IOException {
    for (int d = 0; d < plan.destinations(); d++) {
      try {
        jsm.deleteStream(streamName(d));
      } catch (JetStreamApiException e) {
        // 404: never created, or already deleted.
      }
    }
  }
}
