package io.brokerbench.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.Routing;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.testing.TestWorkloads;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoopbackEndToEndTest {
  @TempDir Path dir;

  private RunResult run(Workload w) {
    LoopbackProvider provider = new LoopbackProvider();
    var target = provider.create(new TargetContext("e2e", dir, System::nanoTime, s -> {}), Settings.defaults(provider.settings()));
    return new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("loopback", target, w, 1, "e2e-" + w.name(), dir, dir.resolve("h/x.hlog")));
  }

  @ParameterizedTest
  @EnumSource(Routing.class)
  void everyRoutingDeliversExactlyWhatTheReferenceRouterExpects(Routing routing) {
    RunResult r = run(TestWorkloads.routed(routing, 30_000, 4, 3));
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertNull(r.error());
    DeliveryRecord d = r.delivery();
    assertEquals(30_000, d.sent());
    assertEquals(30_000, d.confirmed());
    assertEquals(0, d.lost());
    assertEquals(0, d.unexpected());
    assertEquals(0, d.duplicates());
    assertTrue(d.expected() > 0);
    for (SubscriptionLedger s : d.bySubscription()) {
      assertEquals(s.expected(), s.delivered(), "subscription " + s.subscription());
    }
    // Each variant appears 10,000 times; the bindings of TestWorkloads.routed select:
    long[] expected = switch (routing) {
      case DIRECT -> new long[] {20_000, 10_000};
      case FANOUT -> new long[] {30_000, 30_000};
      case TOPIC -> new long[] {20_000, 30_000};
      case HEADERS -> new long[] {20_000, 20_000};
    };
    assertEquals(expected[0], d.bySubscription().get(0).expected());
    assertEquals(expected[1], d.bySubscription().get(1).expected());
    assertEquals(0, r.ordering().violations());
    assertEquals(d.delivered(), r.ordering().checked());
  }

  @ParameterizedTest
  @EnumSource(Routing.class)
  void latencyIsRecordedForEveryMeasuredMessage(Routing routing) {
    RunResult r = run(TestWorkloads.routed(routing, 5_000, 2, 2));
    assertEquals(5_000, r.latency().publish().response().count());
    assertEquals(r.delivery().delivered(), r.latency().endToEnd().service().count());
    assertTrue(r.latency().endToEnd().response().p50() >= 0);
  }
}
