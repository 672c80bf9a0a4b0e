package io.brokerbench.metrics;

import io.brokerbench.results.ConsumerRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How evenly a subscription's deliveries spread over its consumers: the definition behind {@link
 * Metric#IMBALANCE}, kept per subscription for tables that show each one. Pure.
 */
public final class ConsumerSpread {
  private ConsumerSpread() {}

  /**
   * The imbalance of each subscription with two or more consumers and at least one delivery: its
   * busiest consumer's deliveries ÷ the mean deliveries of its consumers (1 = even, N = one of N
   * consumers received everything). Subscriptions with one consumer, or none delivered, are left out.
   *
   * @return subscription index → imbalance, in index order; empty when no subscription qualifies
   */
  public static Map<Integer, Double> bySubscription(List<ConsumerRecord> consumers) {
    Map<Integer, List<ConsumerRecord>> grouped = new TreeMap<>();
    if (consumers != null) {
      for (ConsumerRecord c : consumers) grouped.computeIfAbsent(c.subscription(), k -> new ArrayList<>()).add(c);
    }
    Map<Integer, Double> out = new TreeMap<>();
    grouped.forEach((subscription, members) -> {
      Double value = imbalanceOf(members);
      if (value != null) out.put(subscription, value);
    });
    return Collections.unmodifiableMap(out);
  }

  /**
   * The largest imbalance over subscriptions ({@link #bySubscription}), or {@code null} when no
   * subscription has two consumers and a delivery.
   */
  public static Double imbalance(List<ConsumerRecord> consumers) {
    return bySubscription(consumers).values().stream().max(Double::compare).orElse(null);
  }

  /** The imbalance of one subscription's consumers, or {@code null} with fewer than two or no delivery. */
  public static Double imbalanceOf(List<ConsumerRecord> members) {
    if (members == null || members.size() < 2) return null;
    long total = 0;
    long most = 0;
    for (ConsumerRecord c : members) {
      total += c.deliveries();
      most = Math.max(most, c.deliveries());
    }
    if (total <= 0) return null;
    return most / ((double) total / members.size());
  }
}
