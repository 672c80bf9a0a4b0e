package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention through the harness's own run: producers at full speed into streams capped at 100
 * entries, two fanout subscriptions whose consumers take 1 ms per message, so most messages are
 * trimmed before they are read. Every one of them must be counted as removed (max length) for the
 * subscription that missed it, and nothing as lost: per subscription, delivered + lost + removed =
 * expected, with lost = 0.
 */
class MaxLenRemovalIT {
  private static final int MESSAGES = 3000;
  private static final int MAX_LEN = 100;
  @TempDir Path dir;

  @BeforeEach
  void requireServer() {
    Servers.installationOrSkip();
  }

  private static Workload slowFanout() {
    List<Binding> bindings = List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of()));
    return new Workload("trimmed", new Workload.Topology(1, 2, Routing.FANOUT, bindings),
        new Workload.Producers(2, Rate.max(), 500), new Workload.Messages(100, 8, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(2, 1, 50, AckMode.MANUAL, Duration.ofMillis(1)),
        Timing.ofCount(Duration.ZERO, MESSAGES, Duration.ofSeconds(30)), "");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TrimMode.class)
  void everyMessageTrimmedBeforeASubscriptionReadItIsCountedRemovedNotLost(TrimMode trim) {
    RedisTargetProvider provider = new RedisTargetProvider();
    String runId = "maxlen-" + trim.yamlName();
    Path work = dir.resolve(runId);
    Target target = provider.create(new TargetContext(runId, work, System::nanoTime, line -> { }),
        Settings.of(provider.settings(), Map.of("provision", "local", "stream.max-length", MAX_LEN,
            "stream.trim", trim.yamlName())));
    RunResult r = new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("redis", target, slowFanout(), 1, runId, work, null));

    assertEquals(RunStatus.OK, r.status(), r.error());
    assertEquals(MESSAGES, r.delivery().confirmed());
    assertEquals(2, r.delivery().bySubscription().size());
    for (SubscriptionLedger s : r.delivery().bySubscription()) {
      String which = "subscription " + s.subscription() + ": " + s;
      assertEquals(MESSAGES, s.expected(), which);
      assertEquals(0, s.lost(), which);
      assertEquals(0, s.unexpected(), which);
      assertEquals(s.expected(), s.delivered() + s.lost() + s.removed().total(), which);
      assertEquals(s.removed().total(), s.removed().maxLength(), "every removal is a trim: " + which);
      assertTrue(s.removed().maxLength() > MESSAGES / 2, "most messages were trimmed unread: " + which);
      assertTrue(s.delivered() >= MAX_LEN, "at least what the streams still held at the end was read: " + which);
    }
  }
}
