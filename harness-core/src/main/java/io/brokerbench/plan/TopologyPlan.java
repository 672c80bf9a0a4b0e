package io.brokerbench.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a workload maps onto any target. Computed once per run in core and used by every target,
 * so keys, partitions, queues and consumers line up identically everywhere.
 *
 * <h2>The mapping</h2>
 * <ul>
 *   <li>Key {@code k} (0 ≤ k &lt; {@link #keys()}) has bytes {@code utf8("key-" + k)} and goes to
 *       partition {@code toPositive(murmur2(bytes)) % partitions}: Kafka's default partitioner; and
 *       to destination {@code k mod destinations}, so all messages of a key share one partition.
 *   <li><b>Queue model</b>: each destination {@code d} and partition {@code p} is one exchange of
 *       the workload's routing type, {@link #exchangeName(int, int)}; the producer publishes to the
 *       exchange of its message's partition. Subscription {@code s} has one queue per destination and
 *       partition, {@link #queueName(int, int, int)}, bound to that exchange with the subscription's
 *       {@link Binding}. The binding is the genuine one of the routing type; partitioning is by
 *       choice of exchange, so direct, fanout, topic and headers all keep per-key order.
 *   <li><b>Log model</b>: destination {@code d} is topic {@link #topicName(int)} with {@code
 *       partitions} partitions; subscription {@code s} is consumer group {@link #groupName(int)}.
 *   <li>{@link ConsumerSharing#PARTITIONED}: queue or partition {@code i = d × partitions + p} of a
 *       subscription is consumed only by consumer {@code i mod consumersPerSubscription}
 *       ({@link #consumerOf}); extra consumers idle. {@link ConsumerSharing#COMPETING}: every
 *       consumer of a subscription consumes all its queues or partitions ({@link #queuesOf}).
 *   <li>Names carry the run id, so leftovers of an earlier run are never counted.
 * </ul>
 *
 * @param runId the run id; short, lower-case letters, digits and dashes
 * @param routing the routing type of every destination
 * @param destinations number of destinations (exchanges or topics), at least 1
 * @param partitions partitions per destination, at least 1
 * @param subscriptions one binding per subscription; the list size is the subscription count
 * @param consumers each subscription's consumers: how many, their prefetch, how they settle and
 *     how they share the queues or partitions
 * @param keys number of distinct keys, at least 1
 * @param variants routing attributes; message {@code id} carries variant {@code id % variants.size()}
 */
public record TopologyPlan(
    String runId,
    Routing routing,
    int destinations,
    int partitions,
    List<Binding> subscriptions,
    ConsumerPlan consumers,
    int keys,
    List<MessageVariant> variants) {

  public TopologyPlan {
    if (destinations < 1) throw new IllegalArgumentException("destinations must be >= 1, was " + destinations);
    if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    if (subscriptions.isEmpty()) throw new IllegalArgumentException("at least one subscription is needed");
    if (consumers == null) throw new IllegalArgumentException("consumers must be set");
    if (keys < 1) throw new IllegalArgumentException("keys must be >= 1, was " + keys);
    if (variants.isEmpty()) throw new IllegalArgumentException("at least one message variant is needed");
    subscriptions = List.copyOf(subscriptions);
    variants = List.copyOf(variants);
  }

  public int subscriptionCount() {
    return subscriptions.size();
  }

  /** Consumers in each subscription, at least 1. */
  public int consumersPerSubscription() {
    return consumers.perSubscription();
  }

  /** Most unacknowledged deliveries per consumer, at least 1. */
  public int prefetch() {
    return consumers.prefetch();
  }

  /** How consumers settle deliveries. */
  public AckMode ackMode() {
    return consumers.ackMode();
  }

  /** How a subscription's consumers share its queues or partitions. */
  public ConsumerSharing sharing() {
    return consumers.sharing();
  }

  /** Whether consumers reject some deliveries with requeue. */
  public boolean requeues() {
    return consumers.requeues();
  }

  /** Whether the system pushes deliveries or consumers pull them. */
  public ConsumerMode mode() {
    return consumers.mode();
  }

  /** Partition of key index {@code key}. */
  public int partitionOfKey(int key) {
    return KafkaPartitioner.partition(KafkaPartitioner.keyBytes(key), partitions);
  }

  /** Destination of key index {@code key}. */
  public int destinationOfKey(int key) {
    return key % destinations;
  }

  /** The variant message {@code messageId} carries. */
  public MessageVariant variantOf(long messageId) {
    return variants.get((int) (messageId % variants.size()));
  }

  /** Whether subscription {@code subscription} must receive messages of variant {@code variant}. */
  public boolean routes(int subscription, MessageVariant variant) {
    return ReferenceRouter.matches(routing, subscriptions.get(subscription), variant.routingKey(), variant.headers());
  }

  /**
   * The consumer index, in any subscription, that alone consumes queue or partition ({@code
   * destination}, {@code partition}) under {@link ConsumerSharing#PARTITIONED}.
   *
   * @throws IllegalStateException under {@link ConsumerSharing#COMPETING}, where no consumer owns a
   *     queue or partition
   */
  public int consumerOf(int destination, int partition) {
    if (sharing() != ConsumerSharing.PARTITIONED) {
      throw new IllegalStateException(
          "under " + sharing().yamlName() + " sharing no consumer owns a queue or partition");
    }
    return (destination * partitions + partition) % consumersPerSubscription();
  }

  /**
   * The consumer of a subscription that a target without queues of its own (loopback, synthetic)
   * hands message {@code messageId} to: the owner of its queue or partition when partitioned; when
   * competing, consumer {@code messageId mod consumersPerSubscription}, which spreads the dense
   * message ids evenly, as a broker's round-robin dispatch does.
   */
  public int consumerOfMessage(long messageId, int destination, int partition) {
    if (sharing() == ConsumerSharing.COMPETING) {
      return (int) Math.floorMod(messageId, (long) consumersPerSubscription());
    }
    return consumerOf(destination, partition);
  }

  /**
   * The queues or partitions consumer {@code consumerIndex} of any subscription consumes: those it
   * owns when partitioned (possibly none), all of them when competing.
   */
  public List<QueueRef> queuesOf(int consumerIndex) {
    List<QueueRef> out = new ArrayList<>();
    for (int d = 0; d < destinations; d++) {
      for (int p = 0; p < partitions; p++) {
        if (sharing() == ConsumerSharing.COMPETING || consumerOf(d, p) == consumerIndex) out.add(new QueueRef(d, p));
      }
    }
    return out;
  }

  /** Queue model: the exchange for destination {@code d}, partition {@code p}. */
  public String exchangeName(int destination, int partition) {
    return "bb-" + runId + "-d" + destination + "-p" + partition;
  }

  /** Queue model: subscription {@code s}'s queue for destination {@code d}, partition {@code p}. */
  public String queueName(int subscription, int destination, int partition) {
    return "bb-" + runId + "-s" + subscription + "-d" + destination + "-p" + partition;
  }
  /** The subscription of every queue of this plan, by {@link #queueName}: where a dead letter came from. */
  public Map<String, Integer> subscriptionsByQueueName() {
    Map<String, Integer> out = new HashMap<>();
    for (int s = 0; s < subscriptionCount(); s++) {
      for (int d = 0; d < destinations; d++) {
        for (int p = 0; p < partitions; p++) out.put(queueName(s, d, p), s);
      }
    }
    return Map.copyOf(out);
  }


  /** Log model: the topic of destination {@code d}. */
  public String topicName(int destination) {
    return "bb-" + runId + "-d" + destination;
  }

  /**
   * Log model with topic or direct routing: the topic of destination {@code d} for messages with
   * {@code routingKey} (one topic per routing key; subscriptions subscribe by pattern).
   */
  public String topicName(int destination, String routingKey) {
    return routingKey.isEmpty() ? topicName(destination) : topicName(destination) + "." + routingKey;
  }

  /** Log model: the consumer group of subscription {@code s}. */
  public String groupName(int subscription) {
    return "bb-" + runId + "-s" + subscription;
  }

}
