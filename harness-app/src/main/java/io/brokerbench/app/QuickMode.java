package io.brokerbench.app;

import io.brokerbench.scenario.Scenario;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.time.Duration;
import java.util.List;

/** {@code --quick}: the same scenario, shortened for a smoke run. */
final class QuickMode {
  static final Duration MAX_WARMUP = Duration.ofSeconds(1);
  static final Duration MAX_DURATION = Duration.ofSeconds(3);
  static final long MAX_COUNT = 20_000;
  static final Duration MAX_DRAIN = Duration.ofSeconds(10);

  private QuickMode() {}

  static Scenario shorten(Scenario s) {
    List<Workload> workloads = s.workloads().stream().map(QuickMode::shorten).toList();
    return new Scenario(s.name(), s.description(), s.targets(), workloads, 1, s.files());
  }

  static Workload shorten(Workload w) {
    Timing t = w.timing();
    return w.withTiming(new Timing(min(t.warmup(), MAX_WARMUP), t.isCounted() ? null : min(t.duration(), MAX_DURATION),
        t.isCounted() ? Math.min(t.count(), MAX_COUNT) : 0, min(t.drainTimeout(), MAX_DRAIN)));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
