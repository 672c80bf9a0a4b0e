package io.brokerbench.spi;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Routings and features a target supports.
 *
 * @param routings routings it can map natively
 * @param features behaviours it guarantees
 */
public record Capabilities(Set<Routing> routings, Set<Feature> features) {
  public Capabilities {
    routings = routings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(routings));
    features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
  }

  /** Every routing and every feature. */
  public static Capabilities all() {
    return new Capabilities(EnumSet.allOf(Routing.class), EnumSet.allOf(Feature.class));
  }

  public boolean has(Feature feature) {
    return features.contains(feature);
  }

  /** Why {@code plan} needs something this target lacks, or empty when it can run it. */
  public Optional<String> unsupportedReason(TopologyPlan plan) {
    if (!routings.contains(plan.routing())) {
      return Optional.of("routing " + plan.routing().yamlName() + " is not supported (supported: "
          + routings.stream().map(Routing::yamlName).sorted().toList() + ")");
    }
    if (plan.subscriptionCount() > 1 && !has(Feature.MULTIPLE_SUBSCRIPTIONS)) {
      return Optional.of("several subscriptions are not supported");
    }
    if (plan.sharing() == ConsumerSharing.COMPETING && !has(Feature.COMPETING_CONSUMERS)) {
      return Optional.of("competing consumers (consumers.sharing: competing) are not supported");
    }
    if (plan.mode() == ConsumerMode.PULL && !has(Feature.PULL_CONSUMERS)) {
      return Optional.of("pulled consumers (consumers.mode: pull) are not supported");
    }
    if (plan.requeues() && !has(Feature.REQUEUE_ON_REJECT)) {
      return Optional.of("rejects with requeue (consumers.reject with requeue: true) are not supported: a rejected "
          + "delivery would not come back");
    }
    if (plan.ackMode() == AckMode.MANUAL && !has(Feature.MANUAL_ACK)) {
      return Optional.of("manual acknowledgements are not supported");
    }
    return Optional.empty();
  }
}
