package io.brokerbench.report;

import io.brokerbench.metrics.LatencyField;
import io.brokerbench.metrics.LatencyKind;
import io.brokerbench.metrics.Metric;
import io.brokerbench.metrics.MetricGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Definitions of every figure the reports show: the figures' own definitions from {@link Metric},
 * {@link LatencyKind} and {@link LatencyField}, between the report's concepts (status, saturation,
 * aggregation, ★) where a reader meets them.
 */
final class Glossary {
  private Glossary() {}

  static List<GlossaryEntry> entries() {
    List<GlossaryEntry> entries = new ArrayList<>();
    entries.add(new GlossaryEntry("status", "ok: ran to the end (its figures may still show loss or saturation); failed: the target did not start or died midway; unsupported: the target cannot do what the workload asks; interrupted: stopped by the user. \"1/2 ok\" counts the ok repetitions; figures come from those only."));
    figures(entries, MetricGroup.THROUGHPUT);
    entries.add(new GlossaryEntry("saturated", "Judged per producer and per subscription: " + Saturation.definition() + " The notes name which producer or subscription, by what figure. Results of schema version 1 recorded only a flag: the confirmed or consumed rate fell more than 5% short of the offered rate."));
    entries.add(new GlossaryEntry("per-second charts", "Each interval's count ÷ its real length: a second, but for a run's last interval, which ends with the run and is shorter; its rate is still count ÷ length, so it does not dip."));
    for (LatencyKind kind : LatencyKind.values()) {
      entries.add(new GlossaryEntry(kind.displayName() + " (µs)", kind.definition()));
    }
    latencyFields(entries);
    entries.add(new GlossaryEntry("reps (spread)", "Under a latency over several repetitions: the mean of each repetition's own figure ± the half-width of its 95% interval. It says how much the repetitions differ; ★ and compare judge \"beyond the noise\" on it. It is not the figure above it, which is of all values together. Results of schema version 1 carry no histograms: their latencies are this mean (± its interval), and the page says so."));
    figures(entries, MetricGroup.ORDERING);
    figures(entries, MetricGroup.DELIVERY);
    figures(entries, MetricGroup.CONSUMERS);
    entries.add(new GlossaryEntry("consumers table", "Per target, repetition and subscription, what each consumer did over the whole run (warm-up, window and drain; this run's messages only): deliveries (repeats included), its share of the subscription's deliveries (the bar; its tick marks an even share, 100% ÷ consumers), redelivered (flagged by the target), rejected (by the harness, consumers.reject), busy share (of the consuming time, from the first consumer's start to the consumers' close, the share it spent handling deliveries, processing included) and most unacknowledged (the most deliveries it held unsettled at once, as the target counts them; – where the target cannot count what its client buffers)."));
    figures(entries, MetricGroup.RESOURCES);
    entries.add(new GlossaryEntry("guarantee", "What a confirm promised in the run, as the target derived it from its applied settings, in one vocabulary for every target: when a publish is confirmed (not at all, when the broker received it, written to the OS page cache, after fsync, after replication to N), what survives a kill of the broker process, what survives a power loss. Targets at different guarantees do not measure the same thing: the workload then carries a warning."));
    entries.add(new GlossaryEntry("not applicable", "A setting that had no effect in the run (recorded as n/a with a reason), such as an fsync policy when no message is persistent: shown as not applicable, never as a value."));
    entries.add(new GlossaryEntry("reference", "loopback, the harness's own hand-off with no broker: shown for scale (a ceiling for throughput, not a floor for latency), never ranked and never marked ★."));
    entries.add(new GlossaryEntry("mode", "embedded: the engine runs inside the harness JVM, skips the network and shares the harness's CPU and GC; local, container, external: a broker reached over the network. Claims about RabbitMQ or Kafka themselves are decided on those."));
    entries.add(new GlossaryEntry("± (95% CI)", "Half-width of the 95% confidence interval of the mean over repetitions, from Student's t with n − 1 degrees of freedom: the between-repetition spread of throughput, ledger and resource figures. With one repetition the noise is unknown and no interval is shown."));
    entries.add(new GlossaryEntry("★ best", "A value better than every other target's beyond the noise: for each other target, the 95% intervals of the repetition means do not overlap (higher is better for rates; lower for latencies, errors and resources). At most one per column; none when the intervals overlap, when a target has a single repetition (noise unknown), or for the loopback reference and \"harness only\" resources."));
    return entries;
  }

  /** One entry per figure of {@code group}, named as its columns are ("confirmed (msg/s)", "lost"). */
  private static void figures(List<GlossaryEntry> entries, MetricGroup group) {
    for (Metric m : Metric.all()) {
      if (m.group() == group) entries.add(new GlossaryEntry(qualified(m), m.definition()));
    }
  }

  /** A figure's term, with its group where another group has a figure of the same label ("confirmed (ledger)"). */
  private static String qualified(Metric m) {
    boolean shared = Metric.all().stream()
        .anyMatch(o -> o != m && !o.isLatency() && o.group() != m.group() && o.label().equals(m.label()));
    return shared && m.unit().symbol().isEmpty() ? m.label() + " (" + m.group().title().toLowerCase(java.util.Locale.ROOT) + ")" : m.term();
  }

  /** The latency fields, those that share a definition in one entry ("p50, p90, …, max"). */
  private static void latencyFields(List<GlossaryEntry> entries) {
    Map<String, List<String>> byDefinition = new LinkedHashMap<>();
    for (LatencyField f : LatencyField.values()) {
      byDefinition.computeIfAbsent(f.definition(), d -> new ArrayList<>()).add(f.label());
    }
    byDefinition.forEach((definition, labels) -> entries.add(new GlossaryEntry(String.join(", ", labels), definition)));
  }
}
