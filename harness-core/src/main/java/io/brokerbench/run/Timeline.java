package io.brokerbench.run;

import io.brokerbench.results.RunPhase;
import io.brokerbench.results.TimelineEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each phase of one run began and ended, on the run clock (nanoseconds). The run's thread
 * moves it on ({@link #begin}); the sampler asks which phase a time falls in ({@link #phaseAt}).
 *
 * <p>Thread-safety: {@link #begin} and {@link #end} are called by the run's thread only; the
 * readers may be called from any thread and see the phases begun so far.
 */
final class Timeline {
  private final long startNanos;
  private final Map<RunPhase, Long> begins = new EnumMap<>(RunPhase.class);
  private volatile long endNanos = Long.MAX_VALUE;

  /** @param startNanos when the run's producers start: the warm-up begins here */
  Timeline(long startNanos) {
    this.startNanos = startNanos;
    begins.put(RunPhase.WARMUP, startNanos);
  }

  /** Phase {@code phase} begins at {@code nanos}; phases begin in order. */
  synchronized void begin(RunPhase phase, long nanos) {
    begins.put(phase, nanos);
  }

  /** The run's last phase ends at {@code nanos}. */
  void end(long nanos) {
    endNanos = nanos;
  }

  /** When {@code phase} began, or {@link Long#MAX_VALUE} while it has not. */
  synchronized long beginNanos(RunPhase phase) {
    return begins.getOrDefault(phase, Long.MAX_VALUE);
  }

  /** The phase at {@code nanos}: the last one begun at or before it (warm-up for earlier times). */
  synchronized RunPhase phaseAt(long nanos) {
    RunPhase at = RunPhase.WARMUP;
    for (Map.Entry<RunPhase, Long> e : begins.entrySet()) if (e.getValue() <= nanos) at = e.getKey();
    return at;
  }

  /** The phases begun, with their ends, in seconds from the start. */
  synchronized List<TimelineEntry> entries() {
    List<TimelineEntry> out = new ArrayList<>();
    List<Map.Entry<RunPhase, Long>> list = new ArrayList<>(begins.entrySet());
    for (int i = 0; i < list.size(); i++) {
      long from = list.get(i).getValue();
      long to = i + 1 < list.size() ? list.get(i + 1).getValue() : endNanos == Long.MAX_VALUE ? from : endNanos;
      out.add(new TimelineEntry(TimelineEntry.PHASE, list.get(i).getKey().json(), seconds(from), seconds(Math.max(from, to))));
    }
    return out;
  }

  /** Seconds from the start at which each phase began, as results.json's {@code phases} gives them. */
  synchronized Map<String, Double> phaseStarts() {
    Map<String, Double> out = new LinkedHashMap<>();
    begins.forEach((phase, nanos) -> out.put(phase.json(), seconds(nanos)));
    return out;
  }

  private double seconds(long nanos) {
    return (nanos - startNanos) / 1e9;
  }
}
