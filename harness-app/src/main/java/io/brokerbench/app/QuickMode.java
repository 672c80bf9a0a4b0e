package io.brokerbench.app;

import io.brokerbench.scenario.Scenario;
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
    return new Workload(w.name(), w.description(), w.topology(), w.producers(), w.messages(), w.consumers(), min(w.warmup(), MAX_WARMUP),
        w.duration() == null ? null : min(w.duration(), MAX_DURATION), w.isCounted() ? Math.min(w.count(), MAX_COUNT) : 0,
        min(w.drainTimeout(), MAX_DRAIN), w.source());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
