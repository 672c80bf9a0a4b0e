package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.loopback.LoopbackProvider;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.PlannedRun;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunStatus;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Scenario;
import io.brokerbench.scenario.TargetRef;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.synthetic.SyntheticProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
  @TempDir Path dir;

  static Workload timed(String name, Duration duration) {
    return new Workload(name, new Workload.Topology(1, 1, Routing.DIRECT, List.of(Binding.ofKeys(List.of("")))),
        new Workload.Producers(1, new Rate(1000), 100), new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(1, 1, 100, AckMode.MANUAL, Duration.ZERO),
        Timing.ofDuration(Duration.ZERO, duration, Duration.ofSeconds(5)), "");
  }

  @Test
  void aStopRequestMarksTheCutRunInterruptedKeepsEarlierRunsAndStartsNoMore() throws Exception {
    TargetCatalog catalog = new TargetCatalog(List.of(new LoopbackProvider(), new SyntheticProvider()));
    Scenario scenario = new Scenario("s", "", List.of(new TargetRef("loopback", null, Map.of()), new TargetRef("synthetic", null, Map.of())),
        List.of(timed("short", Duration.ofMillis(300)), timed("long", Duration.ofSeconds(60))), 1, Map.of());
    AtomicBoolean stop = new AtomicBoolean();
    ProgressListener stopDuringTheLongRun = new ProgressListener() {
      @Override
      public void runStarted(String target, String workload, int repetition, int index, int total) {
        if (workload.equals("long")) {
          new Thread(() -> {
            try {
              Thread.sleep(500);
            } catch (InterruptedException e) {
              return;
            }
            stop.set(true);
          }).start();
        }
      }
    };
    long start = System.nanoTime();
    new ScenarioRunner(catalog, SystemRunClock.INSTANCE, stopDuringTheLongRun).run(scenario, "t", dir, stop::get);
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "the stop request was not honoured promptly");
    ResultsDocument written = ResultsJson.read(dir);
    assertEquals(3, written.runs().size());
    assertEquals(RunStatus.OK, written.runs().get(0).status());
    assertEquals(RunStatus.OK, written.runs().get(1).status());
    assertEquals(RunStatus.INTERRUPTED, written.runs().get(2).status());
    assertTrue(written.runs().get(2).delivery().sent() > 0);
    // What did not run is visible: four runs planned, one never started.
    assertEquals(4, written.planned().size());
    assertEquals(List.of(new PlannedRun("synthetic", "long", 1)), written.notRun());
  }

  @Test
  void anUnknownTargetFailsItsRunAndTheOthersGoOn() throws Exception {
    TargetCatalog catalog = new TargetCatalog(List.of(new LoopbackProvider()));
    Scenario scenario = new Scenario("s", "", List.of(new TargetRef("nope", null, Map.of()), new TargetRef("loopback", null, Map.of())),
        List.of(timed("short", Duration.ofMillis(200))), 1, Map.of());
    ResultsDocument doc = new ScenarioRunner(catalog, SystemRunClock.INSTANCE, ProgressListener.NONE).run(scenario, "t", dir, () -> false);
    assertEquals(RunStatus.FAILED, doc.runs().get(0).status());
    assertEquals(RunStatus.OK, doc.runs().get(1).status());
  }
}
