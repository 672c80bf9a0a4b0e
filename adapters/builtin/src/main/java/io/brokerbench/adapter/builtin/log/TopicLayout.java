package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.Subscription;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.ReferenceRouter;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a {@link TopologyPlan} maps onto the log engine's topics and groups.
 *
 * <ul>
 *   <li>fanout: topic {@code topicName(d)} per destination, every subscription reads all of them;
 *   <li>direct: a topic per destination and routing key ({@code topicName(d, routingKey)}); a
 *       subscription reads the topics of its binding keys by name;
 *   <li>topic: the same topics; a subscription reads by a regular expression equivalent to its
 *       AMQP binding patterns ({@link #amqpPatternToRegex});
 *   <li>headers: unsupported (a log has no per-record routing on headers).
 * </ul>
 * Every topic has the plan's {@code partitions} partitions; subscription {@code s} is group
 * {@code groupName(s)}. Immutable and thread-safe.
 */
final class TopicLayout {
  private final TopologyPlan plan;
  private final Map<String, Integer> destinationOfTopic = new HashMap<>();
  private final List<String> topics = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();

  TopicLayout(TopologyPlan plan) {
    if (plan.routing() == Routing.HEADERS) {
      throw new IllegalArgumentException("headers routing is not supported by log-engine");
    }
    this.plan = plan;
    Set<String> routingKeys = new LinkedHashSet<>();
    for (MessageVariant v : plan.variants()) routingKeys.add(v.routingKey());
    for (int d = 0; d < plan.destinations(); d++) {
      if (plan.routing() == Routing.FANOUT) {
        add(plan.topicName(d), d);
      } else {
        for (String rk : routingKeys) add(plan.topicName(d, rk), d);
      }
    }
    for (Binding b : plan.subscriptions()) subscriptions.add(subscriptionOf(b));
  }

  private void add(String topic, int destination) {
    if (destinationOfTopic.putIfAbsent(topic, destination) == null) topics.add(topic);
  }

  private Subscription subscriptionOf(Binding binding) {
    switch (plan.routing()) {
      case FANOUT -> {
        Set<String> all = new LinkedHashSet<>();
        for (int d = 0; d < plan.destinations(); d++) all.add(plan.topicName(d));
        return Subscription.of(all);
      }
      case DIRECT -> {
        Set<String> named = new LinkedHashSet<>();
        for (int d = 0; d < plan.destinations(); d++) for (String k : binding.keys()) named.add(plan.topicName(d, k));
        // A binding that names no key still needs a subscription: one topic that never exists.
        if (named.isEmpty()) named.add(plan.topicName(0) + ".-none-");
        return Subscription.of(named);
      }
      case TOPIC -> {
        List<String> alternatives = new ArrayList<>();
        for (int d = 0; d < plan.destinations(); d++) {
          String base = plan.topicName(d);
          for (String p : binding.keys()) {
            alternatives.add(Pattern.quote(base + ".") + amqpPatternToRegex(p));
            if (ReferenceRouter.topicMatches(p, "")) alternatives.add(Pattern.quote(base));
          }
        }
        if (alternatives.isEmpty()) alternatives.add("(?!)");
        return Subscription.of(Pattern.compile(String.join("|", alternatives)));
      }
      default -> throw new IllegalArgumentException("routing " + plan.routing() + " is not supported by log-engine");
    }
  }

  /**
   * A regular expression matching exactly the routing keys an AMQP topic pattern matches: words
   * separated by {@code .}, {@code *} exactly one word, {@code #} zero or more words.
   */
  static String amqpPatternToRegex(String pattern) {
    String word = "[^.]*";
    List<String> tokens = new ArrayList<>();
    for (String t : pattern.split("\\.", -1)) {
      if (t.equals("#") && !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("#")) continue;
      tokens.add(t);
    }
    if (tokens.size() == 1 && tokens.get(0).equals("#")) return "(?:" + word + "(?:\\." + word + ")*)?";
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      boolean first = i == 0;
      boolean last = i == tokens.size() - 1;
      if (t.equals("#")) {
        if (first) re.append("(?:").append(word).append("\\.)*");
        else if (last) re.append("(?:\\.").append(word).append(")*");
        else re.append("\\.(?:").append(word).append("\\.)*");
      } else {
        if (!first && !tokens.get(i - 1).equals("#")) re.append("\\.");
        re.append(t.equals("*") ? word : Pattern.quote(t));
      }
    }
    return re.toString();
  }

  /** Topics to create, in a stable order. */
  List<String> topics() {
    return topics;
  }

  /** The topic a message of {@code destination} with {@code routingKey} is appended to. */
  String topicFor(int destination, String routingKey) {
    return plan.routing() == Routing.FANOUT ? plan.topicName(destination) : plan.topicName(destination, routingKey);
  }

  /** Destination index of a topic of this layout, or -1. */
  int destinationOf(String topic) {
    return destinationOfTopic.getOrDefault(topic, -1);
  }

  Subscription subscription(int subscription) {
    return subscriptions.get(subscription);
  }

  /**
   * The topics of this layout that subscription {@code subscription} reads, in {@link #topics()}
   * order: its named topics, or those its pattern matches. A share consumer subscribes by name only,
   * and every topic of the layout exists once the plan is declared, so this is the whole set.
   */
  Set<String> topicsOf(int subscription) {
    Subscription s = subscriptions.get(subscription);
    Set<String> out = new LinkedHashSet<>();
    for (String t : topics) if (s.covers(t)) out.add(t);
    return out;
  }

  String group(int subscription) {
    return plan.groupName(subscription);
  }

  TopologyPlan plan() {
    return plan;
  }
}
