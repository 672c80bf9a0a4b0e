package io.brokerbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * For a target that starts a private server ({@code provision: local}): runs through the harness's
 * own {@link WorkloadRun}, to the end and cut short by a stop request (what Ctrl-C does), and checks
 * that no server the run started is left: not the one the target reported, and no process at all
 * whose command line names the run's directory (nor any the subclass recognises otherwise). A
 * harness killed with SIGKILL is the adapters' watchdog tests' and the app's {@code HarnessKillIT}.
 * An adapter's {@code NoServerLeftAfterRunIT} extends this.
 *
 * <p>The completed run goes first: it warms the JVM, so that the stopped run's stop (after 2 s)
 * comes while it measures, not while the target still opens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class NoServerLeftAfterRunContract {
  @TempDir protected Path dir;

  /** The target's name, as results report it. */
  protected abstract String targetName();

  /** The target's provider. */
  protected abstract TargetProvider provider();

  /** Skips the test (or fails it, under {@code BROKERBENCH_REQUIRE_REAL=1}) when no server can be started here. */
  protected abstract void assumeServerInstalled();

  /**
   * Recognises a server that run {@code runId} started though its command line does not name the
   * run's directory {@code runDirectory} (a server that rewrites its process title); asked once per
   * check, after the run. None by default.
   */
  protected Predicate<ProcessHandle> otherServersOf(String runId, Path runDirectory) {
    return process -> false;
  }

  /** The target, remembering the server pids it reported. */
  private static final class Watched implements Target {
    final Target target;
    final List<Long> pids = new CopyOnWriteArrayList<>();

    Watched(Target target) {
      this.target = target;
    }

    @Override public TargetInfo open() throws Exception { return target.open(); }
    @Override public Capabilities capabilities() { return target.capabilities(); }
    @Override public Optional<String> supports(TopologyPlan plan) { return target.supports(plan); }
    @Override public void declare(TopologyPlan plan) throws Exception { target.declare(plan); }
    @Override public TargetProducer createProducer(int i) throws Exception { return target.createProducer(i); }
    @Override public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener l) throws Exception {
      return target.createConsumer(spec, l);
    }
    @Override public AutoCloseable watchRemovals(RemovalListener l) throws Exception { return target.watchRemovals(l); }
    @Override public List<Long> processIds() {
      List<Long> ids = target.processIds();
      pids.addAll(ids);
      return ids;
    }
    @Override public void close() { target.close(); }
  }

  private RunResult run(String runId, Workload workload, AtomicBoolean stop, Watched[] watched) {
    assumeServerInstalled();
    TargetProvider provider = provider();
    Path work = dir.resolve(runId);
    Target target = provider.create(new TargetContext(runId, work, System::nanoTime, line -> { }),
        Settings.of(provider.settings(), Map.of("provision", "local")));
    watched[0] = new Watched(target);
    return new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, stop::get)
        .execute(new WorkloadRun.Spec(targetName(), watched[0], workload, 1, runId, work, null));
  }

  private void assertNoServerOf(String runId, Watched watched) throws InterruptedException {
    assertFalse(watched.pids.isEmpty(), "the run reported its server's pid");
    Path runDirectory = dir.resolve(runId);
    Predicate<ProcessHandle> otherServer = otherServersOf(runId, runDirectory);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<String> left;
    do {
      left = ProcessHandle.allProcesses()
          .filter(p -> watched.pids.contains(p.pid())
              || p.info().commandLine().orElse("").contains(runDirectory.toString())
              || otherServer.test(p))
          .filter(ProcessHandle::isAlive)
          .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
          .toList();
      if (left.isEmpty()) return;
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    assertTrue(left.isEmpty(), "left running: " + left);
  }

  @Test
  @Order(1)
  void aCompletedRunLeavesNoServer() throws Exception {
    Watched[] watched = new Watched[1];
    RunResult r = run("done", TestWorkloads.keyed(2000, 2, 2, 8, 1), new AtomicBoolean(), watched);
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertEquals(2000, r.delivery().delivered());
    assertEquals(targetName(), r.target());
    assertNoServerOf("done", watched[0]);
  }

  @Test
  @Order(2)
  void aRunStoppedMidwayLeavesNoServer() throws Exception {
    Workload keyed = TestWorkloads.keyed(1, 1, 1, 4, 1);
    Workload long30s = new Workload("long", keyed.topology(), new Workload.Producers(1, new Rate(500), 100),
        keyed.messages(), keyed.consumers(), Timing.ofDuration(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(5)),
        "");
    AtomicBoolean stop = new AtomicBoolean();
    Thread stopper = new Thread(() -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        return;
      }
      stop.set(true);
    });
    stopper.start();
    Watched[] watched = new Watched[1];
    long start = System.nanoTime();
    RunResult r = run("stopped", long30s, stop, watched);
    stopper.join();
    assertEquals(RunStatus.INTERRUPTED, r.status(), r.error());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "the stop ended the run early");
    assertNoServerOf("stopped", watched[0]);
  }
}
