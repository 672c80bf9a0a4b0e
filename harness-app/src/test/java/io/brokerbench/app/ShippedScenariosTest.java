package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.run.TargetCatalog;
import io.brokerbench.scenario.Problem;
import io.brokerbench.scenario.Scenario;
import io.brokerbench.scenario.ScenarioLoader;
import io.brokerbench.scenario.TargetRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenarios the project ships validate against every target's real settings, as `bench validate` does. */
class ShippedScenariosTest {
  static final Path ROOT = Path.of("..");
  static final ScenarioLoader LOADER = ScenarioLoader.of(TargetCatalog.fromClasspath().all());

  static Stream<Path> scenarioFiles() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("scenarios"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioFiles")
  void everyShippedScenarioValidates(Path file) {
    List<Problem> problems = LOADER.validate(file);
    assertEquals(List.of(), problems);
  }

  @Test
  void theQuickstartRunsBuiltInTargetsOnlyAndFinishesWithinAMinute() throws Exception {
    Scenario s = LOADER.load(ROOT.resolve("scenarios/quickstart.yaml"));
    assertTrue(List.of("loopback", "queue-engine", "log-engine").containsAll(s.targets().stream().map(TargetRef::name).toList()),
        "only embedded targets need no setup");
    assertTrue(s.workloads().size() >= 2 && s.workloads().size() <= 3, "2 or 3 workloads");
    Duration producing = s.workloads().stream()
        .map(w -> w.timing().warmup().plus(w.timing().duration()))
        .reduce(Duration.ZERO, Duration::plus)
        .multipliedBy(s.repetitions())
        .multipliedBy(s.targets().size());
    assertTrue(producing.compareTo(Duration.ofSeconds(45)) <= 0,
        "producers run " + producing + " in all; drains and setup need the rest of the minute");
  }
}
