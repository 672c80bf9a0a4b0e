package io.brokerbench.report;

import java.util.List;

/** Definitions of every figure the reports show, as the design defines them. */
final class Glossary {
  private Glossary() {}

  static List<GlossaryEntry> entries() {
    return List.of(
        new GlossaryEntry("status", "ok: ran to the end (its figures may still show loss or saturation); failed: the target did not start or died midway; unsupported: the target cannot do what the workload asks; interrupted: stopped by the user. \"1/2 ok\" counts the ok repetitions; figures come from those only."),
        new GlossaryEntry("offered (msg/s)", "The schedule's rate, total over producers. At max rate it equals the confirmed rate."),
        new GlossaryEntry("confirmed (msg/s)", "Confirms that arrived inside the measured window, of messages whose intended send time falls in it, divided by the window's length. What arrives during the drain is in the ledger, not in the rate."),
        new GlossaryEntry("consumed (msg/s)", "First deliveries that arrived inside the measured window, over all subscriptions, of messages sent in it, divided by the window's length. With several subscriptions it exceeds the confirmed rate."),
        new GlossaryEntry("saturated", "Judged per producer and per subscription: " + Saturation.definition() + " The notes name which producer or subscription, by what figure. Results of schema version 1 recorded only a flag: the confirmed or consumed rate fell more than 5% short of the offered rate."),
        new GlossaryEntry("per-second charts", "Each interval's count ÷ its real length: a second, but for a run's last interval, which ends with the run and is shorter; its rate is still count ÷ length, so it does not dip."),
        new GlossaryEntry("publish service time (µs)", "Actual send → the target's confirm (RabbitMQ publisher confirm, Kafka ack, engine confirm)."),
        new GlossaryEntry("publish response time (µs)", "Intended send → confirm. At a fixed rate the intended time is the slot start + i × interval, so anything that holds the producer back shows here (coordinated omission corrected); at max rate intended = actual."),
        new GlossaryEntry("end-to-end service time (µs)", "Actual send → the consumer receives the message; first deliveries only, every subscription."),
        new GlossaryEntry("end-to-end response time (µs)", "Intended send → the consumer receives the message; first deliveries only, every subscription. The summary tables show response times."),
        new GlossaryEntry("p50, p90, p95, p99, p99.9, p99.99, max", "Percentiles of the latency distribution (HdrHistogram, recorded in nanoseconds, shown in microseconds) over messages whose intended send time falls in the measured window. Over repetitions: of all the ok repetitions' values together (their histograms merged), so a 2 s stall in one of three repetitions shows as a 2 s max."),
        new GlossaryEntry("reps (spread)", "Under a latency over several repetitions: the mean of each repetition's own figure ± the half-width of its 95% interval. It says how much the repetitions differ; ★ and compare judge \"beyond the noise\" on it. It is not the figure above it, which is of all values together. Results of schema version 1 carry no histograms: their latencies are this mean (± its interval), and the page says so."),
        new GlossaryEntry("count, min, mean", "Latencies recorded in the measured window (over repetitions: summed); the smallest; the arithmetic mean (µs)."),
        new GlossaryEntry("overflow / negative", "Latencies beyond the histogram's range (1 hour) or below zero: counted apart, never clamped or dropped."),
        new GlossaryEntry("order violations", "Per subscription, among first deliveries, a message whose sequence number is below the highest already seen for its (producer, key); summed over subscriptions."),
        new GlossaryEntry("max distance", "Among violations, the largest (highest sequence seen − the message's sequence number)."),
        new GlossaryEntry("redelivery reorders", "Out-of-order messages among redeliveries, counted apart from violations."),
        new GlossaryEntry("checked", "First deliveries examined for ordering."),
        new GlossaryEntry("sent", "Messages handed to the target, warm-up included."),
        new GlossaryEntry("confirmed (ledger)", "Of the messages sent, those whose confirm arrived."),
        new GlossaryEntry("failed", "Of the messages sent, those refused: negative confirm, returned as unroutable, send error."),
        new GlossaryEntry("expected", "Confirmed messages the reference router sends to a subscription, summed over subscriptions."),
        new GlossaryEntry("delivered", "Distinct message ids delivered to a subscription, summed over subscriptions."),
        new GlossaryEntry("redelivered", "Deliveries carrying the target's redelivered flag (a log-model adapter sets it on a record at or below the highest offset already delivered to that partition and group)."),
        new GlossaryEntry("duplicates", "Deliveries of a message whose earlier delivery was acked, whatever the flag."),
        new GlossaryEntry("lost", "Expected messages neither delivered nor removed by the target when the drain ended. Removed messages are not lost."),
        new GlossaryEntry("removed", "Expected messages the target removed by its own rules before a delivery, as it reported them: expired (time to live), max length, delivery limit, rejected without requeue; the reasons are under the count. Per subscription, delivered + lost + removed = expected. No better direction: a workload may ask for it."),
        new GlossaryEntry("unexpected", "Deliveries of ids never sent in this run, or not routed to that subscription."),
        new GlossaryEntry("recovered", "Messages delivered though their confirm never came."),
        new GlossaryEntry("CPU (s)", "CPU time, user + system, of every process involved (the harness JVM, and the broker's processes where the harness owns them), summed. Marked \"harness only\" for a target reached over the network whose broker processes the harness does not own: such a figure leaves the broker out, so it is not ranked against the others."),
        new GlossaryEntry("peak RSS (MiB)", "The highest sampled resident memory of each process involved, summed over processes."),
        new GlossaryEntry("written (MiB)", "Bytes the target's data directory grew by, where the target owns one."),
        new GlossaryEntry("guarantee", "What a confirm promised in the run, as the target derived it from its applied settings, in one vocabulary for every target: when a publish is confirmed (not at all, when the broker received it, written to the OS page cache, after fsync, after replication to N), what survives a kill of the broker process, what survives a power loss. Targets at different guarantees do not measure the same thing: the workload then carries a warning."),
        new GlossaryEntry("not applicable", "A setting that had no effect in the run (recorded as n/a with a reason), such as an fsync policy when no message is persistent: shown as not applicable, never as a value."),
        new GlossaryEntry("reference", "loopback, the harness's own hand-off with no broker: shown for scale (a ceiling for throughput, not a floor for latency), never ranked and never marked ★."),
        new GlossaryEntry("mode", "embedded: the engine runs inside the harness JVM, skips the network and shares the harness's CPU and GC; local, container, external: a broker reached over the network. Claims about RabbitMQ or Kafka themselves are decided on those."),
        new GlossaryEntry("± (95% CI)", "Half-width of the 95% confidence interval of the mean over repetitions, from Student's t with n − 1 degrees of freedom: the between-repetition spread of throughput, ledger and resource figures. With one repetition the noise is unknown and no interval is shown."),
        new GlossaryEntry("★ best", "A value better than every other target's beyond the noise: for each other target, the 95% intervals of the repetition means do not overlap (higher is better for rates; lower for latencies, errors and resources). At most one per column; none when the intervals overlap, when a target has a single repetition (noise unknown), or for the loopback reference and \"harness only\" resources."));
  }
}
