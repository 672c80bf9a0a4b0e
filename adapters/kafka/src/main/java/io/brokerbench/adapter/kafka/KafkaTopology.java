package io.brokerbench.adapter.kafka;

import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.QueueRef;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * How a {@link TopologyPlan} maps onto Kafka topics.
 *
 * <ul>
 *   <li>Fanout: destination {@code d} is topic {@link TopologyPlan#topicName(int)}; every group
 *       reads it.
 *   <li>Direct and topic: a topic per destination and routing key, {@link TopologyPlan#topicName(int,
 *       String)}, for every routing key the plan's message variants carry. A direct subscription
 *       reads the topics of its binding keys; a topic subscription reads the topics whose routing
 *       key its patterns select ({@link TopicPatterns}), by pattern subscription in {@link
 *       AssignmentMode#SUBSCRIBE}.
 *   <li>Headers routing has no Kafka mapping; the target declares it unsupported.
 *   <li>Every topic has the plan's {@code partitions}; the message's partition is the plan's.
 *       Partition {@code p} of every topic of destination {@code d} goes to consumer {@link
 *       TopologyPlan#consumerOf(int, int)}.
 * </ul>
 *
 * <p>Per-key order holds within one topic. With several routing keys a key's messages spread over
 * several topics, and a consumer reading them interleaves the topics in no defined order: that is
 * what Kafka gives for this mapping, and the ordering measurement shows it. Immutable and
 * thread-safe.
 */
public final class KafkaTopology {
  /** Longest topic name Kafka accepts. */
  static final int MAX_TOPIC_NAME = 249;

  private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

  private final TopologyPlan plan;
  /** Per destination: routing key → topic. Fanout maps every key to the destination's single topic. */
  private final List<Map<String, String>> topicsByRoutingKey;
  private final Map<String, Integer> destinationOfTopic;
  private final List<String> allTopics;

  public KafkaTopology(TopologyPlan plan) {
    if (plan.routing() == Routing.HEADERS) {
      throw new IllegalArgumentException("headers routing has no Kafka mapping (run " + plan.runId() + ")");
    }
    this.plan = plan;
    List<Map<String, String>> byKey = new ArrayList<>();
    Map<String, Integer> destinations = new HashMap<>();
    List<String> all = new ArrayList<>();
    for (int d = 0; d < plan.destinations(); d++) {
      Map<String, String> topics = new HashMap<>();
      for (MessageVariant variant : plan.variants()) {
        String routingKey = variant.routingKey();
        String topic = plan.routing() == Routing.FANOUT ? plan.topicName(d) : plan.topicName(d, routingKey);
        checkTopicName(topic, routingKey);
        topics.put(routingKey, topic);
        if (destinations.putIfAbsent(topic, d) == null) all.add(topic);
      }
      byKey.add(Map.copyOf(topics));
    }
    this.topicsByRoutingKey = List.copyOf(byKey);
    this.destinationOfTopic = Map.copyOf(destinations);
    this.allTopics = List.copyOf(all);
  }

  private static void checkTopicName(String topic, String routingKey) {
    if (topic.length() > MAX_TOPIC_NAME || !LEGAL_TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("routing key '" + routingKey + "' gives topic '" + topic
          + "', which Kafka refuses: a topic name has at most " + MAX_TOPIC_NAME
          + " characters from [a-zA-Z0-9._-] (found " + topic.length() + " characters)");
    }
  }

  public TopologyPlan plan() {
    return plan;
  }

  /** Every topic of the plan, in a stable order. */
  public List<String> topics() {
    return allTopics;
  }

  /** The topic {@code message} is sent to. */
  public String topicOf(OutgoingMessage message) {
    String topic = topicsByRoutingKey.get(message.destination()).get(message.routingKey());
    if (topic == null) {
      throw new IllegalArgumentException("message for destination " + message.destination() + " carries routing key '"
          + message.routingKey() + "', which none of the plan's variants has (known: "
          + topicsByRoutingKey.get(message.destination()).keySet() + ")");
    }
    return topic;
  }

  /**
   * The destination index of {@code topic}.
   *
   * @throws IllegalArgumentException for a topic that is not part of the plan
   */
  public int destinationOf(String topic) {
    Integer d = destinationOfTopic.get(topic);
    if (d == null) throw new IllegalArgumentException("topic '" + topic + "' is not part of run " + plan.runId());
    return d;
  }

  /** The topics of destination {@code destination} that subscription {@code subscription} reads. */
  public List<String> topicsRead(int subscription, int destination) {
    Set<String> out = new LinkedHashSet<>();
    Binding binding = plan.subscriptions().get(subscription);
    Pattern pattern = plan.routing() == Routing.TOPIC ? subscriptionPattern(subscription) : null;
    for (Map.Entry<String, String> e : topicsByRoutingKey.get(destination).entrySet()) {
      boolean reads = switch (plan.routing()) {
        case FANOUT -> true;
        case DIRECT -> binding.keys().contains(e.getKey());
        case TOPIC -> pattern.matcher(e.getValue()).matches();
        case HEADERS -> false;
      };
      if (reads) out.add(e.getValue());
    }
    return out.stream().sorted().toList();
  }

  /** Every topic subscription {@code subscription} reads, over all destinations. */
  public List<String> topicsRead(int subscription) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < plan.destinations(); d++) out.addAll(topicsRead(subscription, d));
    return out;
  }

  /**
   * Topic routing: the regex over topic names for subscription {@code subscription}, any
   * destination, any of its binding patterns. Topics of other runs never match (names carry the
   * run id).
   */
  public Pattern subscriptionPattern(int subscription) {
    List<String> alternatives = new ArrayList<>();
    for (int d = 0; d < plan.destinations(); d++) {
      String base = plan.topicName(d);
      for (String bindingPattern : plan.subscriptions().get(subscription).keys()) {
        String keyRegex = TopicPatterns.toRegex(bindingPattern);
        alternatives.add(Pattern.quote(base + ".") + "(?:" + keyRegex + ")");
        // topicName(d, "") is the bare destination topic: it matches when the pattern selects "".
        if (Pattern.matches(keyRegex, "")) alternatives.add(Pattern.quote(base));
      }
    }
    if (alternatives.isEmpty()) return Pattern.compile("(?!)");
    return Pattern.compile(String.join("|", alternatives));
  }

  /**
   * The partitions consumer {@code consumerIndex} of {@code subscription} reads in {@link
   * AssignmentMode#STATIC}: partition {@code p} of every topic the subscription reads in
   * destination {@code d}, for each {@code (d, p)} of {@link TopologyPlan#queuesOf(int)}. Empty for
   * a consumer beyond the partition count.
   */
  public List<TopicPartition> partitionsOf(int subscription, int consumerIndex) {
    List<TopicPartition> out = new ArrayList<>();
    for (QueueRef ref : plan.queuesOf(consumerIndex)) {
      for (String topic : topicsRead(subscription, ref.destination())) {
        out.add(new TopicPartition(topic, ref.partition()));
      }
    }
    return out;
  }
}
