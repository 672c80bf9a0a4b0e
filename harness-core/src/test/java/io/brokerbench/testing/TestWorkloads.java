package io.brokerbench.testing;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small workloads built in code, for tests of the runner, targets and the conformance kit. */
public final class TestWorkloads {
  private TestWorkloads() {}

  /**
   * A counted workload of {@code count} messages for {@code routing}: two subscriptions whose
   * bindings select different messages (fanout: both get all), three message variants.
   */
  public static Workload routed(Routing routing, long count, int partitions, int consumers) {
    List<MessageVariant> variants = List.of(
        new MessageVariant("orders.eu.new", Map.of("region", "eu")),
        new MessageVariant("orders.us.new", Map.of("region", "us")),
        new MessageVariant("audit.eu", Map.of("region", "eu", "kind", "audit")));
    List<Binding> bindings = switch (routing) {
      case DIRECT -> List.of(Binding.ofKeys(List.of("orders.eu.new", "audit.eu")), Binding.ofKeys(List.of("orders.us.new")));
      case FANOUT -> List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of()));
      case TOPIC -> List.of(Binding.ofKeys(List.of("orders.#")), Binding.ofKeys(List.of("*.eu", "orders.*.new")));
      case HEADERS -> List.of(Binding.ofHeaders(Map.of("region", "eu"), HeaderMatch.ALL),
          Binding.ofHeaders(Map.of("region", "us", "kind", "audit"), HeaderMatch.ANY));
    };
    return workload("routed-" + routing.yamlName(), routing, partitions, bindings, variants, 8, count, consumers,
        Rate.max(), 1, 100);
  }

  /** {@code w} with another drain timeout (how long a run waits for missing messages). */
  public static Workload withDrainTimeout(Workload w, Duration drainTimeout) {
    Timing t = w.timing();
    return w.withTiming(new Timing(t.warmup(), t.duration(), t.count(), drainTimeout));
  }

  /** A counted single-subscription direct workload with {@code keys} keys. */
  public static Workload keyed(long count, int partitions, int consumers, int keys, int producers) {
    return workload("keyed", Routing.DIRECT, partitions, List.of(Binding.ofKeys(List.of(""))),
        List.of(new MessageVariant("", Map.of())), keys, count, consumers, Rate.max(), producers, 100);
  }

  public static Workload workload(String name, Routing routing, int partitions, List<Binding> bindings,
      List<MessageVariant> variants, int keys, long count, int consumers, Rate rate, int producers, int prefetch) {
    return new Workload(name, new Workload.Topology(1, partitions, routing, new ArrayList<>(bindings)),
        new Workload.Producers(producers, rate, 100), new Workload.Messages(100, keys, variants),
        new Workload.Consumers(bindings.size(), consumers, prefetch, AckMode.MANUAL, Duration.ZERO),
        Timing.ofCount(Duration.ZERO, count, Duration.ofSeconds(20)), "");
  }
}
