package io.brokerbench.metrics;

import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.ProcessResources;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.SubscriptionLedger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One figure of a run, defined once. Its {@link #id()} is its path in results.json with dots between
 * fields (e.g. {@code latency.endToEnd.response.p99}); three ids name a sum instead of a field:
 * {@code resources.cpuSeconds} and {@code resources.peakRssBytes} over {@code resources.processes},
 * and {@code delivery.removed} over its reasons; {@code consumers.imbalance} is a figure derived from
 * the per-consumer records {@code consumers} ({@link ConsumerSpread}). Ids are stable: SLOs, export columns and claim rules
 * name figures by them.
 *
 * <p>The catalog ({@link #all()}, {@link #byId}) holds the figures below and every field of the four
 * latency distributions ({@link #latency}). Instances are immutable and compared by identity; the
 * catalog is built once, so there is one instance per id.
 */
public final class Metric {
  public static final Metric OFFERED = of("throughput.offeredPerSec", "offered", Unit.PER_SECOND, MetricGroup.THROUGHPUT,
      Better.NEITHER, "The schedule's rate, total over producers. At max rate it equals the confirmed rate.",
      r -> r.throughput() == null ? null : r.throughput().offeredPerSec());
  public static final Metric CONFIRMED = of("throughput.confirmedPerSec", "confirmed", Unit.PER_SECOND,
      MetricGroup.THROUGHPUT, Better.HIGHER,
      "Confirms that arrived inside the measured window, divided by the window's length, whatever message they"
          + " concern: a target catching up in the window on what it fell behind in the warm-up can exceed the offered"
          + " rate. What arrives during the drain is in the ledger, not in the rate.",
      r -> r.throughput() == null ? null : r.throughput().confirmedPerSec());
  public static final Metric CONSUMED = of("throughput.consumedPerSec", "consumed", Unit.PER_SECOND,
      MetricGroup.THROUGHPUT, Better.HIGHER,
      "First deliveries that arrived inside the measured window, over all subscriptions, divided by the window's"
          + " length, whatever message they concern (as the confirmed rate). With several subscriptions it exceeds the"
          + " confirmed rate.",
      r -> r.throughput() == null ? null : r.throughput().consumedPerSec());

  public static final Metric PUBLISH_P50 = latency(LatencyKind.PUBLISH_RESPONSE, LatencyField.P50);
  public static final Metric PUBLISH_P99 = latency(LatencyKind.PUBLISH_RESPONSE, LatencyField.P99);
  public static final Metric PUBLISH_P999 = latency(LatencyKind.PUBLISH_RESPONSE, LatencyField.P999);
  public static final Metric E2E_P50 = latency(LatencyKind.END_TO_END_RESPONSE, LatencyField.P50);
  public static final Metric E2E_P99 = latency(LatencyKind.END_TO_END_RESPONSE, LatencyField.P99);
  public static final Metric E2E_P999 = latency(LatencyKind.END_TO_END_RESPONSE, LatencyField.P999);
  public static final Metric E2E_MAX = latency(LatencyKind.END_TO_END_RESPONSE, LatencyField.MAX);

  public static final Metric CHECKED = of("ordering.checked", "checked", Unit.COUNT, MetricGroup.ORDERING,
      Better.NEITHER, "First deliveries examined for ordering.",
      r -> r.ordering() == null ? null : (double) r.ordering().checked());
  public static final Metric VIOLATIONS = of("ordering.violations", "violations", Unit.COUNT, MetricGroup.ORDERING,
      Better.LOWER,
      "Order violations: per subscription, among first deliveries, a message whose sequence number is below the highest"
          + " already seen for its (producer, key); summed over subscriptions.",
      r -> r.ordering() == null ? null : (double) r.ordering().violations());
  public static final Metric MAX_DISTANCE = of("ordering.maxDistance", "max distance", Unit.COUNT, MetricGroup.ORDERING,
      Better.LOWER, "Among violations, the largest (highest sequence seen − the message's sequence number).",
      r -> r.ordering() == null ? null : (double) r.ordering().maxDistance());
  public static final Metric REDELIVERY_REORDERS = of("ordering.redeliveryReorders", "redelivery reorders", Unit.COUNT,
      MetricGroup.ORDERING, Better.LOWER, "Out-of-order messages among redeliveries, counted apart from violations.",
      r -> r.ordering() == null ? null : (double) r.ordering().redeliveryReorders());

  public static final Metric SENT = ledger("delivery.sent", "sent", Better.NEITHER,
      "Messages handed to the target, warm-up included.", DeliveryRecord::sent, null);
  public static final Metric LEDGER_CONFIRMED = ledger("delivery.confirmed", "confirmed", Better.NEITHER,
      "Of the messages sent, those whose confirm arrived.", DeliveryRecord::confirmed, null);
  public static final Metric FAILED = ledger("delivery.failed", "failed", Better.LOWER,
      "Of the messages sent, those refused: negative confirm, returned as unroutable, send error.",
      DeliveryRecord::failed, null);
  public static final Metric EXPECTED = ledger("delivery.expected", "expected", Better.NEITHER,
      "Confirmed messages the reference router sends to a subscription, summed over subscriptions.",
      DeliveryRecord::expected, SubscriptionLedger::expected);
  public static final Metric DELIVERED = ledger("delivery.delivered", "delivered", Better.NEITHER,
      "Distinct message ids delivered to a subscription, summed over subscriptions.",
      DeliveryRecord::delivered, SubscriptionLedger::delivered);
  public static final Metric REDELIVERED = ledger("delivery.redelivered", "redelivered", Better.LOWER,
      "Deliveries carrying the target's redelivered flag (a log-model adapter sets it on a record at or below the"
          + " highest offset already delivered to that partition and group).",
      DeliveryRecord::redelivered, SubscriptionLedger::redelivered);
  public static final Metric DUPLICATES = ledger("delivery.duplicates", "duplicates", Better.LOWER,
      "Deliveries of a message whose earlier delivery was acked, whatever the flag.",
      DeliveryRecord::duplicates, SubscriptionLedger::duplicates);
  public static final Metric LOST = ledger("delivery.lost", "lost", Better.LOWER,
      "Expected messages neither delivered nor removed by the target when the drain ended. Removed messages are not"
          + " lost.",
      DeliveryRecord::lost, SubscriptionLedger::lost);
  /** Removed by the target's own rules (TTL, max length, delivery limit, rejected): not lost, no better direction. */
  public static final Metric REMOVED = ledger("delivery.removed", "removed", Better.NEITHER,
      "Expected messages the target removed by its own rules before a delivery, as it reported them: expired (time to"
          + " live), max length, delivery limit, rejected without requeue; the reasons are under the count. Per"
          + " subscription, delivered + lost + removed = expected. No better direction: a workload may ask for it.",
      d -> d.removed() == null ? null : d.removed().total(), s -> s.removed() == null ? null : s.removed().total());
  public static final Metric UNEXPECTED = ledger("delivery.unexpected", "unexpected", Better.LOWER,
      "Deliveries of ids never sent in this run, or not routed to that subscription.",
      DeliveryRecord::unexpected, SubscriptionLedger::unexpected);
  public static final Metric RECOVERED = ledger("delivery.recovered", "recovered", Better.NEITHER,
      "Messages delivered though their confirm never came.", DeliveryRecord::recovered, SubscriptionLedger::recovered);

  /** The most uneven subscription's spread of deliveries over its consumers; see {@link ConsumerSpread}. */
  public static final Metric IMBALANCE = of("consumers.imbalance", "imbalance", Unit.RATIO, MetricGroup.CONSUMERS,
      Better.LOWER,
      "How unevenly a subscription's consumers shared its deliveries: per subscription with two or more consumers, the"
          + " busiest consumer's deliveries ÷ the mean deliveries of that subscription's consumers (1 = perfectly even;"
          + " N = one of N consumers received everything); the run's figure is the largest over subscriptions. Counts"
          + " cover the whole run, repeats included. None when no subscription has two consumers, or none received"
          + " anything.",
      r -> ConsumerSpread.imbalance(r.consumers()));

  public static final Metric CPU = of("resources.cpuSeconds", "CPU", Unit.SECONDS, MetricGroup.RESOURCES, Better.LOWER,
      "CPU time, user + system, of every process involved (the harness JVM, and the broker's processes where the"
          + " harness owns them), summed. Marked \"harness only\" for a target reached over the network whose broker"
          + " processes the harness does not own: such a figure leaves the broker out, so it is not ranked against the"
          + " others.",
      r -> sumOverProcesses(r, ProcessResources::cpuSeconds));
  public static final Metric RSS = of("resources.peakRssBytes", "peak RSS", Unit.BYTES, MetricGroup.RESOURCES,
      Better.LOWER, "The highest sampled resident memory of each process involved, summed over processes.",
      r -> sumOverProcesses(r, p -> (double) p.peakRssBytes()));
  public static final Metric BYTES_WRITTEN = of("resources.bytesWritten", "written", Unit.BYTES, MetricGroup.RESOURCES,
      Better.LOWER, "Bytes the target's data directory grew by, where the target owns one.",
      r -> r.resources() == null || r.resources().bytesWritten() < 0 ? null : (double) r.resources().bytesWritten());

  private static final Map<String, Metric> CATALOG = catalog();

  private final String id;
  private final String label;
  private final Unit unit;
  private final MetricGroup group;
  private final Better better;
  private final String definition;
  private final Function<RunResult, Double> reader;
  private final Function<SubscriptionLedger, Long> perSubscription;
  private final LatencyKind latencyKind;
  private final LatencyField latencyField;

  private Metric(String id, String label, Unit unit, MetricGroup group, Better better, String definition,
      Function<RunResult, Double> reader, Function<SubscriptionLedger, Long> perSubscription, LatencyKind latencyKind,
      LatencyField latencyField) {
    this.id = id;
    this.label = label;
    this.unit = unit;
    this.group = group;
    this.better = better;
    this.definition = definition;
    this.reader = reader;
    this.perSubscription = perSubscription;
    this.latencyKind = latencyKind;
    this.latencyField = latencyField;
  }

  private static Metric of(String id, String label, Unit unit, MetricGroup group, Better better, String definition,
      Function<RunResult, Double> reader) {
    return new Metric(id, label, unit, group, better, definition, reader, null, null, null);
  }

  /** A count of the delivery ledger; {@code total} or {@code perSubscription} gives null where results lack it. */
  private static Metric ledger(String id, String label, Better better, String definition,
      Function<DeliveryRecord, Long> total, Function<SubscriptionLedger, Long> perSubscription) {
    return new Metric(id, label, Unit.COUNT, MetricGroup.DELIVERY, better, definition, r -> {
      Long value = r.delivery() == null ? null : total.apply(r.delivery());
      return value == null ? null : value.doubleValue();
    }, perSubscription, null, null);
  }

  /** The figure {@code field} of the distribution {@code kind}: a latency (lower is better) or a count of values. */
  public static Metric latency(LatencyKind kind, LatencyField field) {
    String id = kind.id() + "." + field.field();
    Metric known = CATALOG == null ? null : CATALOG.get(id);
    if (known != null) return known;
    return new Metric(id, field.label(), field.unit(), MetricGroup.LATENCY,
        field.isLatency() ? Better.LOWER : Better.NEITHER, field.definition(), run -> {
          LatencySummary summary = kind.of(run);
          return summary == null ? null : field.of(summary);
        }, null, kind, field);
  }

  /** Every figure, in the order of the report's tables: throughput, latency, ordering, delivery, consumers, resources. */
  public static List<Metric> all() {
    return List.copyOf(CATALOG.values());
  }

  /** The figure with this id, if there is one. */
  public static Optional<Metric> byId(String id) {
    return Optional.ofNullable(CATALOG.get(id));
  }

  private static Map<String, Metric> catalog() {
    List<Metric> metrics = new ArrayList<>(List.of(OFFERED, CONFIRMED, CONSUMED));
    for (LatencyKind kind : LatencyKind.values()) {
      for (LatencyField field : LatencyField.values()) {
        Metric named = List.of(PUBLISH_P50, PUBLISH_P99, PUBLISH_P999, E2E_P50, E2E_P99, E2E_P999, E2E_MAX).stream()
            .filter(m -> m.latencyKind == kind && m.latencyField == field).findFirst().orElse(null);
        metrics.add(named != null ? named : latency(kind, field));
      }
    }
    metrics.addAll(List.of(CHECKED, VIOLATIONS, MAX_DISTANCE, REDELIVERY_REORDERS,
        SENT, LEDGER_CONFIRMED, FAILED, EXPECTED, DELIVERED, REDELIVERED, DUPLICATES, LOST, REMOVED, UNEXPECTED,
        RECOVERED, IMBALANCE, CPU, RSS, BYTES_WRITTEN));
    Map<String, Metric> byId = new LinkedHashMap<>();
    for (Metric m : metrics) {
      if (byId.putIfAbsent(m.id, m) != null) throw new IllegalStateException("two metrics with id " + m.id);
    }
    return Collections.unmodifiableMap(byId);
  }

  /** Its path in results.json, e.g. {@code latency.endToEnd.response.p99}; stable. */
  public String id() {
    return id;
  }

  /** Its column label within its group, e.g. "p99" or "confirmed". */
  public String label() {
    return label;
  }

  /** Its name with its unit, e.g. "confirmed (msg/s)" or "lost": a glossary term, or a column apart from a group. */
  public String term() {
    return unit.symbol().isEmpty() ? label : label + " (" + unit.symbol() + ")";
  }

  /** A narrow header for the console: "confirmed/s", "e2e p99", "lost". */
  public String compactLabel() {
    if (latencyKind != null) return latencyKind.abbreviation() + " " + label;
    return unit == Unit.PER_SECOND ? label + "/s" : label;
  }

  /** The header a table shows above it: its distribution's title for a latency, else its group's. */
  public String heading() {
    return latencyKind != null ? latencyKind.title() : group.title();
  }

  public Unit unit() {
    return unit;
  }

  public MetricGroup group() {
    return group;
  }

  public Better better() {
    return better;
  }

  /** What it measures; for a latency field, the definition it shares with fields explained together. */
  public String definition() {
    return definition;
  }

  /** The figure of {@code run}, or {@code null} when the run has none (failed, or not measured). */
  public Double of(RunResult run) {
    return reader.apply(run);
  }

  /** Whether the ledger keeps this figure per subscription too ({@link #ofSubscription}). */
  public boolean hasPerSubscription() {
    return perSubscription != null;
  }

  /** This figure of one subscription's ledger, or {@code null} where it lacks it; only where {@link #hasPerSubscription()}. */
  public Double ofSubscription(SubscriptionLedger subscription) {
    if (perSubscription == null) throw new IllegalStateException(id + " is not kept per subscription");
    Long value = perSubscription.apply(subscription);
    return value == null ? null : value.doubleValue();
  }

  /**
   * Its path in the ledger of subscription {@code index}, e.g. {@code delivery.bySubscription[1].lost};
   * only where {@link #hasPerSubscription()}.
   */
  public String subscriptionId(int index) {
    if (perSubscription == null) throw new IllegalStateException(id + " is not kept per subscription");
    return "delivery.bySubscription[" + index + "]." + id.substring("delivery.".length());
  }

  /** Whether this is a field of a latency distribution ({@link #latencyKind()} and {@link #latencyField()} are set). */
  public boolean isLatency() {
    return latencyKind != null;
  }

  /** The distribution of a latency figure, else {@code null}. */
  public LatencyKind latencyKind() {
    return latencyKind;
  }

  /** The field of a latency figure, else {@code null}. */
  public LatencyField latencyField() {
    return latencyField;
  }

  @Override
  public String toString() {
    return id;
  }

  private static Double sumOverProcesses(RunResult r, Function<ProcessResources, Double> f) {
    if (r.resources() == null || r.resources().processes() == null || r.resources().processes().isEmpty()) return null;
    double sum = 0;
    for (ProcessResources p : r.resources().processes()) sum += Objects.requireNonNull(f.apply(p));
    return sum;
  }
}
