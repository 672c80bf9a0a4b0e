package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.loopback.LoopbackProvider;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Scenario;
import io.brokerbench.scenario.TargetRef;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.synthetic.SyntheticProvider;
import io.brokerbench.testing.TestWorkloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any exception or Error in a thread a run owns fails that run, with the reason, and no other; a
 * stop request ends a run even while it waits. Real time, two short runs per scenario: the first
 * is hit, the second must be ok.
 */
class RunFailuresTest {
  @TempDir Path dir;

  static final TargetCatalog CATALOG = new TargetCatalog(List.of(new LoopbackProvider(), new SyntheticProvider()));

  static Workload steady(Rate rate, Duration duration, int maxInFlight) {
    Workload w = ScenarioRunnerTest.timed("steady", duration);
    return new Workload(w.name(), w.topology(), new Workload.Producers(1, rate, maxInFlight), w.messages(), w.consumers(),
        w.timing(), "");
  }

  static Scenario twoRuns(Workload w, TargetRef first) {
    return new Scenario("s", "", List.of(first, new TargetRef("loopback", "second", Map.of())), List.of(w), 1, Map.of());
  }

  /** Throws {@code error} the first time {@code where} is reached, then never again. */
  static RunHooks once(String where, Error error) {
    AtomicBoolean thrown = new AtomicBoolean();
    return new RunHooks() {
      @Override public void beforeSend(int producer, long index) {
        if (where.equals("producer") && index == 10 && thrown.compareAndSet(false, true)) throw error;
      }
      @Override public void beforeDelivery(int subscription) {
        if (where.equals("consumer") && thrown.compareAndSet(false, true)) throw error;
      }
      @Override public void beforeSample(int tick) {
        if (where.equals("sampler") && thrown.compareAndSet(false, true)) throw error;
      }
    };
  }

  List<RunResult> runWithHook(String where, Error error) throws Exception {
    Scenario s = twoRuns(steady(new Rate(2000), Duration.ofMillis(1500), 100), new TargetRef("loopback", "first", Map.of()));
    return new ScenarioRunner(CATALOG, SystemRunClock.INSTANCE, ProgressListener.NONE, once(where, error))
        .run(s, "t", dir, () -> false).runs();
  }

  @Test
  void anErrorInAProducerFailsOnlyItsRunWithTheReason() throws Exception {
    List<RunResult> runs = runWithHook("producer", new OutOfMemoryError("Java heap space"));
    assertEquals(RunStatus.FAILED, runs.get(0).status());
    assertEquals("producer 0: OutOfMemoryError: Java heap space", runs.get(0).error());
    assertEquals(RunStatus.OK, runs.get(1).status(), runs.get(1).error());
  }

  @Test
  void anErrorInAConsumersDeliveryListenerFailsOnlyItsRun() throws Exception {
    List<RunResult> runs = runWithHook("consumer", new StackOverflowError());
    assertEquals(RunStatus.FAILED, runs.get(0).status());
    assertEquals("consumer of subscription 0: StackOverflowError", runs.get(0).error());
    assertEquals(RunStatus.OK, runs.get(1).status(), runs.get(1).error());
  }

  @Test
  void anErrorInTheSamplerFailsOnlyItsRun() throws Exception {
    List<RunResult> runs = runWithHook("sampler", new AssertionError("broken sampler"));
    assertEquals(RunStatus.FAILED, runs.get(0).status());
    assertEquals("sampler: AssertionError: broken sampler", runs.get(0).error());
    assertEquals(RunStatus.OK, runs.get(1).status(), runs.get(1).error());
  }

  @Test
  void aWorkFolderThatCannotBeMadeFailsOnlyItsRunAndTheScenarioGoesOn() throws Exception {
    Files.createDirectories(dir.resolve("targets"));
    Files.writeString(dir.resolve("targets").resolve("first"), "a file where the target's folder should be");
    List<RunResult> runs = new ScenarioRunner(CATALOG, SystemRunClock.INSTANCE, ProgressListener.NONE)
        .run(twoRuns(steady(new Rate(1000), Duration.ofMillis(300), 100), new TargetRef("loopback", "first", Map.of())),
            "t", dir, () -> false).runs();
    assertEquals(RunStatus.FAILED, runs.get(0).status());
    assertTrue(runs.get(0).error().contains("first"), runs.get(0).error());
    assertEquals(RunStatus.OK, runs.get(1).status(), runs.get(1).error());
    assertEquals(2, ResultsJson.read(dir).runs().size(), "both runs recorded");
  }

  @Test
  void labelsThatDifferOnlyInUnsafeCharactersKeepTheirOwnFiles() throws Exception {
    Scenario s = new Scenario("s", "", List.of(new TargetRef("loopback", "a/b", Map.of()), new TargetRef("loopback", "a_b", Map.of())),
        List.of(steady(new Rate(1000), Duration.ofMillis(300), 100)), 1, Map.of());
    ResultsDocument doc = new ScenarioRunner(CATALOG, SystemRunClock.INSTANCE, ProgressListener.NONE).run(s, "t", dir, () -> false);
    assertEquals("histograms/a_b/steady-r1.hlog", doc.runs().get(0).histogramLog());
    assertEquals("histograms/a_b-2/steady-r1.hlog", doc.runs().get(1).histogramLog());
    assertTrue(Files.isDirectory(dir.resolve("targets/a_b-2")));
  }

  /** Stops the scenario {@code afterMillis} after its first run starts. */
  static final class StopLater implements ProgressListener {
    final AtomicBoolean stop = new AtomicBoolean();
    final long afterMillis;

    StopLater(long afterMillis) {
      this.afterMillis = afterMillis;
    }

    @Override
    public void runStarted(String target, String workload, int repetition, int index, int total) {
      Thread t = new Thread(() -> {
        try {
          Thread.sleep(afterMillis);
        } catch (InterruptedException e) {
          return;
        }
        stop.set(true);
      });
      t.setDaemon(true);
      t.start();
    }
  }

  RunResult stopAfterOneSecond(TargetRef target, Workload w) throws Exception {
    StopLater progress = new StopLater(1000);
    long start = System.nanoTime();
    ResultsDocument doc = new ScenarioRunner(CATALOG, SystemRunClock.INSTANCE, progress)
        .run(new Scenario("s", "", List.of(target), List.of(w), 1, Map.of()), "t", dir, progress.stop::get);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(seconds < 6, "the stop took " + seconds + " s");
    assertEquals(1, doc.runs().size());
    return doc.runs().get(0);
  }

  @Test
  void aStopEndsARunWhoseProducerWaitsForAConfirm() throws Exception {
    RunResult r = stopAfterOneSecond(new TargetRef("synthetic", null, Map.of("confirm.delay", "1h")),
        steady(new Rate(1000), Duration.ofMinutes(10), 10));
    assertEquals(RunStatus.INTERRUPTED, r.status(), r.error());
    assertEquals(10, r.delivery().sent(), "ten sent, then the in-flight window is full");
  }

  @Test
  void aStopEndsARunWhoseProducerWaitsForItsNextSlot() throws Exception {
    RunResult r = stopAfterOneSecond(new TargetRef("loopback", null, Map.of()), steady(new Rate(0.01), Duration.ofDays(1), 10));
    assertEquals(RunStatus.INTERRUPTED, r.status(), r.error());
    assertEquals(1, r.delivery().sent(), "the first slot is at once, the next in 100 s");
  }

  @Test
  void aStopEndsARunWhoseTargetIsStillOpening() throws Exception {
    Target slowToOpen = new Target() {
      @Override public TargetInfo open() throws Exception {
        Thread.sleep(3_600_000);
        throw new AssertionError("not reached");
      }
      @Override public Capabilities capabilities() { return Capabilities.all(); }
      @Override public void declare(TopologyPlan plan) {}
      @Override public TargetProducer createProducer(int producerIndex) { throw new AssertionError(); }
      @Override public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) { throw new AssertionError(); }
      @Override public void close() {}
    };
    AtomicBoolean stop = new AtomicBoolean();
    new Thread(() -> {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      stop.set(true);
    }).start();
    long start = System.nanoTime();
    RunResult r = new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, stop::get)
        .execute(new WorkloadRun.Spec("slow", slowToOpen, TestWorkloads.keyed(10, 1, 1, 1, 1), 1, "so", dir, null));
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
    assertEquals(RunStatus.INTERRUPTED, r.status());
    assertEquals("stopped by the user while opening the target", r.error());
  }
}
