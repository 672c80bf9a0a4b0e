package io.brokerbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records refuse what the loader would never produce, naming the field and the value. */
class WorkloadRecordTest {
  private static final Workload.Topology ONE_SUBSCRIPTION =
      new Workload.Topology(1, 1, Routing.FANOUT, List.of(Binding.ofKeys(List.of())));
  private static final Workload.Producers PRODUCERS = new Workload.Producers(1, new Rate(100), 10);
  private static final Workload.Messages MESSAGES =
      new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of())));
  private static final Workload.Consumers CONSUMERS = new Workload.Consumers(1, 1, 10, AckMode.MANUAL, Duration.ZERO);

  @Test
  void acceptsAValidWorkloadWithoutDescription() {
    Workload w = new Workload("w", ONE_SUBSCRIPTION, PRODUCERS, MESSAGES, CONSUMERS,
        Timing.ofDuration(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)), "");
    assertEquals("", w.description());
  }

  @Test
  void refusesABindingCountThatDiffersFromTheSubscriptions() {
    Workload.Consumers two = new Workload.Consumers(2, 1, 10, AckMode.MANUAL, Duration.ZERO);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Workload("w",
        ONE_SUBSCRIPTION, PRODUCERS, MESSAGES, two,
        Timing.ofDuration(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)), ""));
    assertTrue(e.getMessage().contains("1 bindings for 2 subscriptions"), e.getMessage());
  }

  @Test
  void refusesBothOrNeitherOfDurationAndCount() {
    assertThrows(IllegalArgumentException.class, () -> new Workload("w", ONE_SUBSCRIPTION, PRODUCERS, MESSAGES,
        CONSUMERS, new Timing(Duration.ZERO, Duration.ofSeconds(1), 10, Duration.ofSeconds(1)), ""));
    assertThrows(IllegalArgumentException.class, () -> new Workload("w", ONE_SUBSCRIPTION, PRODUCERS, MESSAGES,
        CONSUMERS, Timing.ofCount(Duration.ZERO, 0, Duration.ofSeconds(1)), ""));
  }

  @Test
  void refusesAMessageSmallerThanTheEnvelope() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Workload.Messages(51, 1, List.of(new MessageVariant("", Map.of()))));
    assertTrue(e.getMessage().contains("messages.size") && e.getMessage().contains("51"), e.getMessage());
  }

  @Test
  void refusesCountsBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new Workload.Producers(1, new Rate(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new Workload.Consumers(1, 1, 0, AckMode.AUTO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new Workload.Topology(1, 0, Routing.DIRECT, List.of()));
  }
}
