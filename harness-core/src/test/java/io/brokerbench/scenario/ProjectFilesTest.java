package io.brokerbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.ReferenceRouter;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.SettingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workload and scenario files shipped in the repository load without problems. */
class ProjectFilesTest {
  static final Path ROOT = Path.of("..");
  /** Targets the shipped scenarios may name; settings are not checked here. */
  static final Map<String, List<SettingSpec>> BUILT_IN = Map.of(
      "loopback", List.of(), "synthetic", List.of(), "queue-engine", List.of(), "log-engine", List.of());

  static Stream<Path> workloadFiles() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("workloads"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloadFiles")
  void everyShippedWorkloadLoads(Path file) throws Exception {
    Workload w = new ScenarioLoader(BUILT_IN).loadWorkload(file);
    assertEquals(ScenarioLoader.baseName(file), w.name(), "a workload's name matches its file name");
    assertFalse(w.description().isBlank(), "shipped workloads say what they measure");
  }

  @Test
  void theQuickstartRunsBuiltInTargetsOnlyAndFinishesWithinAMinute() throws Exception {
    Scenario s = new ScenarioLoader(BUILT_IN).load(ROOT.resolve("scenarios/quickstart.yaml"));

    assertTrue(List.of("loopback", "queue-engine", "log-engine").containsAll(s.targets().stream().map(TargetRef::name).toList()),
        "only embedded targets need no setup");
    assertTrue(s.workloads().size() >= 2 && s.workloads().size() <= 3, "2 or 3 workloads");
    Duration producing = s.workloads().stream()
        .map(w -> w.warmup().plus(w.duration()))
        .reduce(Duration.ZERO, Duration::plus)
        .multipliedBy(s.repetitions())
        .multipliedBy(s.targets().size());
    assertTrue(producing.compareTo(Duration.ofSeconds(45)) <= 0,
        "producers run " + producing + " in all; drains and setup need the rest of the minute");
  }

  @Test
  void topicRoutingSubscriptionsSelectWhatTheFileSays() throws Exception {
    Workload w = new ScenarioLoader(BUILT_IN).loadWorkload(ROOT.resolve("workloads/topic-routing.yaml"));

    List<List<String>> selected = w.topology().bindings().stream()
        .map(b -> w.messages().variants().stream()
            .filter(v -> ReferenceRouter.matches(w.topology().routing(), b, v.routingKey(), v.headers()))
            .map(MessageVariant::routingKey)
            .toList())
        .toList();

    assertEquals(List.of(
        List.of("orders.eu.new", "orders.eu.paid"),
        List.of("orders.eu.new", "orders.us.new"),
        List.of("orders.eu.new", "orders.us.new", "orders.eu.paid", "orders.us.paid")), selected);
  }

  @Test
  void fanoutWorkloadHasThreeSubscriptions() throws Exception {
    Workload w = new ScenarioLoader(BUILT_IN).loadWorkload(ROOT.resolve("workloads/fanout-3.yaml"));
    assertEquals(Routing.FANOUT, w.topology().routing());
    assertEquals(3, w.topology().bindings().size());
  }
}
