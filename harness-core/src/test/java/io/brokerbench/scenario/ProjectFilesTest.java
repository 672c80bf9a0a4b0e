package io.brokerbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.ReferenceRouter;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.SettingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
