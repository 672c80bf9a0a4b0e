package io.brokerbench.synthetic;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokerbench.distribution.Distribution;
import io.brokerbench.plan.AckMode;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.scenario.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every figure of a run on the simulated clock, against a recording: refactorings must not change
 * a number. Fields that differ from run to run by nature (times, ids, resources) are left out.
 *
 * <p>To record afresh after a deliberate change of a definition, run with {@code
 * -Dbrokerbench.record=true}, review the diff of {@code src/test/resources/recorded/}, and commit it
 * with the change that explains it.
 */
class RecordedResultsTest {
  static final Path RECORDED = Path.of("src/test/resources/recorded");
  static final long MS = 1_000_000;
  @TempDir Path dir;

  record Recording(String name, Supplier<FaultScript> script, Supplier<Workload> workload) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Recording> recordings() {
    return Stream.of(
        new Recording("faults-manual", () -> FaultLedgerTest.faults(10, 7, 11, 13).withExpireEvery(9),
            () -> FaultLedgerTest.fanout(3, 1, AckMode.MANUAL)),
        new Recording("faults-auto", () -> FaultLedgerTest.faults(10, 7, 11, 13).withExpireEvery(9),
            () -> FaultLedgerTest.fanout(2, 4, AckMode.AUTO)),
        new Recording("constant-delay", () -> RatesAndSaturationTest.delays(300, 200),
            () -> RatesAndSaturationTest.steady(1, Duration.ofMillis(300), 10_000)),
        new Recording("slow-subscription", () -> RatesAndSaturationTest.delays(1, 1).withSlowSubscription(1, 2 * MS),
            () -> RatesAndSaturationTest.steady(2, Duration.ofSeconds(1), 10_000)),
        new Recording("in-flight-bound", () -> RatesAndSaturationTest.delays(100, 1),
            () -> RatesAndSaturationTest.steady(1, Duration.ZERO, 10)),
        new Recording("stalls", () -> FaultScript.delays(new Distribution.Uniform(MS, 3 * MS),
                new Distribution.Exponential(2 * MS), 7).withStalls(new FaultScript.Stalls(1000 * MS, 100 * MS)),
            () -> RatesAndSaturationTest.steady(1, Duration.ofSeconds(1), 50)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void everyFigureMatchesTheRecording(Recording r) throws Exception {
    RunResult result = KnownAnswers.run(r.script().get(), r.workload().get(), dir);
    JsonNode actual = comparable(ResultsJson.mapper().valueToTree(result));
    Path file = RECORDED.resolve("synthetic-" + r.name() + ".json");
    if (Boolean.getBoolean("brokerbench.record")) {
      Files.createDirectories(RECORDED);
      Files.write(file, ResultsJson.mapper().writeValueAsBytes(actual));
    }
    JsonNode expected = ResultsJson.mapper().readTree(file.toFile());
    assertEquals(ResultsJson.mapper().writeValueAsString(expected), ResultsJson.mapper().writeValueAsString(actual));
  }

  /** The run without what differs by nature: wall-clock times, the histogram log's path, resources. */
  static JsonNode comparable(JsonNode run) {
    ObjectNode copy = run.deepCopy();
    for (String field : List.of("startedAt", "endedAt", "resources", "histogramLog")) copy.remove(field);
    return copy;
  }
}
