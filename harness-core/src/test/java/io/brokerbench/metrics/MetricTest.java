package io.brokerbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each metric's id is its path in results.json, and its reader reads that field. */
class MetricTest {
  /** Ids that name a sum rather than a field, and what they sum. */
  private static final Map<String, String> SUMS = Map.of(
      "resources.cpuSeconds", "the processes' cpuSeconds",
      "resources.peakRssBytes", "the processes' peakRssBytes",
      "delivery.removed", "the removal reasons");

  @Test
  void everyIdIsItsPathInRecordedResults() throws IOException {
    int compared = 0;
    Set<String> nonZero = new HashSet<>();
    for (Path file : recordings()) {
      JsonNode tree = ResultsJson.mapper().readTree(file.toFile());
      RunResult run = ResultsJson.mapper().treeToValue(tree, RunResult.class);
      for (Metric m : Metric.all()) {
        Double read = m.of(run);
        Double atPath = valueAt(tree, m.id());
        String where = file.getFileName() + " " + m.id();
        assertEquals(atPath, read, where);
        if (read != null) compared++;
        if (read != null && read != 0) nonZero.add(m.id());
      }
    }
    assertTrue(compared > Metric.all().size(), "figures compared: " + compared);
    assertTrue(nonZero.containsAll(List.of("throughput.confirmedPerSec", "latency.endToEnd.response.p99",
        "delivery.duplicates", "delivery.lost", "ordering.violations", "delivery.removed")),
        "the recordings exercise figures that can be told apart: " + nonZero);
  }

  @Test
  void aReaderOfAnotherFieldDisagreesWithThePath() throws IOException {
    // Negative control: the comparison above can fail; a reader of one field is wrong for another's path.
    boolean differs = false;
    for (Path file : recordings()) {
      JsonNode tree = ResultsJson.mapper().readTree(file.toFile());
      RunResult run = ResultsJson.mapper().treeToValue(tree, RunResult.class);
      if (!Metric.LOST.of(run).equals(valueAt(tree, Metric.DUPLICATES.id()))) differs = true;
    }
    assertTrue(differs);
  }

  @Test
  void idsAreUniqueAndResolve() {
    Set<String> ids = new HashSet<>();
    for (Metric m : Metric.all()) {
      assertTrue(ids.add(m.id()), "unique: " + m.id());
      assertSame(m, Metric.byId(m.id()).orElseThrow());
      assertFalse(m.definition().isBlank(), m.id());
    }
    assertEquals(4 * LatencyField.values().length, Metric.all().stream().filter(Metric::isLatency).count());
    assertSame(Metric.E2E_P99, Metric.byId("latency.endToEnd.response.p99").orElseThrow());
    assertSame(Metric.E2E_P99, Metric.latency(LatencyKind.END_TO_END_RESPONSE, LatencyField.P99));
    assertTrue(Metric.byId("latency.endToEnd.response.p99.9").isEmpty(), "the field is p999, as in results.json");
  }

  @Test
  void subscriptionIdsAreTheirPathsInTheLedger() {
    assertEquals("delivery.bySubscription[2].lost", Metric.LOST.subscriptionId(2));
    assertFalse(Metric.SENT.hasPerSubscription(), "sent is a producer figure");
  }

  @Test
  void labelsForConsoleAndTables() {
    assertEquals("confirmed (msg/s)", Metric.CONFIRMED.term());
    assertEquals("confirmed/s", Metric.CONFIRMED.compactLabel());
    assertEquals("e2e p99", Metric.E2E_P99.compactLabel());
    assertEquals("End-to-end response time", Metric.E2E_P99.heading());
    assertEquals("Delivery ledger", Metric.LOST.heading());
    assertEquals(Better.LOWER, Metric.E2E_P99.better());
    assertEquals(Better.NEITHER, Metric.latency(LatencyKind.PUBLISH_RESPONSE, LatencyField.COUNT).better());
  }


  /** A run carrying only per-consumer records: {@code perSubscription[s][c]} deliveries of consumer c of subscription s. */
  private static RunResult consumers(long[]... perSubscription) {
    List<ConsumerRecord> records = new ArrayList<>();
    for (int s = 0; s < perSubscription.length; s++) {
      for (int c = 0; c < perSubscription[s].length; c++) {
        records.add(new ConsumerRecord(s, c, perSubscription[s][c], 0, 0, 0.5, null));
      }
    }
    return new RunResult("t", null, "w", 1, RunStatus.OK, null, null, null, Map.of(), null, null, null, null, null, null,
        List.of(), List.of(), records, List.of());
  }

  /** Hand-computed imbalances: busiest ÷ mean per subscription with 2+ consumers, the largest over subscriptions. */
  private static void assertImbalanceKnownAnswers(Function<RunResult, Double> definition) {
    // 600, 300, 300: mean 400, busiest 600.
    assertEquals(1.5, definition.apply(consumers(new long[] {600, 300, 300})), 1e-9, "one subscription");
    // One of four consumers received everything: 120 ÷ 30 = 4 = N.
    assertEquals(4.0, definition.apply(consumers(new long[] {0, 0, 0, 120})), 1e-9, "one of N did everything");
    // Even [500, 500] = 1; [300, 100, 0, 0]: mean 100, busiest 300 = 3. The largest, not their mean (2), not
    // max ÷ min (infinite), not of all six consumers pooled (500 ÷ 233.3 = 2.14).
    assertEquals(3.0, definition.apply(consumers(new long[] {500, 500}, new long[] {300, 100, 0, 0})), 1e-9,
        "the most uneven subscription");
    // A lone consumer's subscription has no spread: not counted as 1 (a mean would then fall), left out.
    assertEquals(1.5, definition.apply(consumers(new long[] {1000}, new long[] {30, 10})), 1e-9,
        "a single-consumer subscription is left out");
    assertEquals(1.0, definition.apply(consumers(new long[] {250, 250, 250, 250})), 1e-9, "perfectly even");
    assertNull(definition.apply(consumers(new long[] {1000}, new long[] {700})), "no subscription with 2 consumers");
  }

  @Test
  void consumerImbalanceHasKnownAnswers() {
    assertImbalanceKnownAnswers(Metric.IMBALANCE::of);
    assertNull(Metric.IMBALANCE.of(consumers(new long[] {0, 0})), "no deliveries");
    assertNull(Metric.IMBALANCE.of(consumers()), "no records (results before per-consumer records)");
    assertEquals(Map.of(0, 1.0, 1, 3.0),
        ConsumerSpread.bySubscription(consumers(new long[] {500, 500}, new long[] {300, 100, 0, 0}).consumers()));
    assertEquals(Better.LOWER, Metric.IMBALANCE.better());
    assertEquals("imbalance (×)", Metric.IMBALANCE.term());
    assertEquals("1.50", Metric.IMBALANCE.unit().format(1.5));
    assertSame(Metric.IMBALANCE, Metric.byId("consumers.imbalance").orElseThrow());
  }

  @Test
  void otherSpreadDefinitionsFailTheKnownAnswers() {
    // Negative control: the known answers tell the definition apart from near misses.
    Function<RunResult, Double> maxOverMin = run -> spreadBySubscription(run, d -> {
      long min = d.stream().mapToLong(Long::longValue).min().orElseThrow();
      return min == 0 ? Double.POSITIVE_INFINITY : d.stream().mapToLong(Long::longValue).max().orElseThrow() / (double) min;
    }).stream().max(Double::compare).orElse(null);
    Function<RunResult, Double> meanOverSubscriptions = run -> spreadBySubscription(run, MetricTest::busiestOverMean)
        .stream().mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    Function<RunResult, Double> pooledOverSubscriptions = run -> {
      List<Long> all = run.consumers().stream().map(ConsumerRecord::deliveries).toList();
      return all.size() < 2 ? null : busiestOverMean(all);
    };
    Function<RunResult, Double> loneConsumersCountAsEven = run -> {
      Double spread = Metric.IMBALANCE.of(run);
      return spread == null && !run.consumers().isEmpty() ? Double.valueOf(1.0) : spread;
    };
    for (Function<RunResult, Double> wrong : List.of(maxOverMin, meanOverSubscriptions, pooledOverSubscriptions,
        loneConsumersCountAsEven)) {
      assertThrows(AssertionFailedError.class, () -> assertImbalanceKnownAnswers(wrong));
    }
  }

  private static double busiestOverMean(List<Long> deliveries) {
    long total = deliveries.stream().mapToLong(Long::longValue).sum();
    return deliveries.stream().mapToLong(Long::longValue).max().orElseThrow() / ((double) total / deliveries.size());
  }

  /** {@code spread} of each subscription with 2+ consumers and a delivery. */
  private static List<Double> spreadBySubscription(RunResult run, Function<List<Long>, Double> spread) {
    Map<Integer, List<Long>> bySubscription = new TreeMap<>();
    for (ConsumerRecord c : run.consumers()) {
      bySubscription.computeIfAbsent(c.subscription(), k -> new ArrayList<>()).add(c.deliveries());
    }
    List<Double> out = new ArrayList<>();
    for (List<Long> d : bySubscription.values()) {
      if (d.size() >= 2 && d.stream().mapToLong(Long::longValue).sum() > 0) out.add(spread.apply(d));
    }
    return out;
  }

  /**
   * consumers.imbalance recomputed from the records as written: per subscription with 2+ consumers,
   * max ÷ mean deliveries; the largest over subscriptions; null when none qualifies.
   */
  private static Double imbalanceOf(JsonNode consumers) {
    Map<Integer, List<Long>> bySubscription = new TreeMap<>();
    for (JsonNode c : consumers) {
      bySubscription.computeIfAbsent(c.get("subscription").asInt(), k -> new ArrayList<>()).add(c.get("deliveries").asLong());
    }
    Double most = null;
    for (List<Long> deliveries : bySubscription.values()) {
      long total = deliveries.stream().mapToLong(Long::longValue).sum();
      if (deliveries.size() < 2 || total == 0) continue;
      double value = deliveries.stream().mapToLong(Long::longValue).max().orElseThrow() / ((double) total / deliveries.size());
      most = most == null ? value : Math.max(most, value);
    }
    return most;
  }

  /** The number at a dotted path, a sum where {@link #SUMS} says so; null where the run has none. */
  private static Double valueAt(JsonNode run, String id) {
    if (id.equals("consumers.imbalance")) return imbalanceOf(run.path("consumers"));
    JsonNode node = run;
    for (String field : id.split("\\.")) node = node == null ? null : node.get(field);
    if (id.startsWith("resources.") && SUMS.containsKey(id)) {
      JsonNode processes = run.path("resources").path("processes");
      if (!processes.isArray() || processes.isEmpty()) return null;
      double sum = 0;
      for (JsonNode p : processes) sum += p.get(id.substring("resources.".length())).asDouble();
      return sum;
    }
    if (id.startsWith("latency.")) {
      JsonNode summary = run.at("/" + id.substring(0, id.lastIndexOf('.')).replace('.', '/'));
      if (summary.isMissingNode() || summary.isNull() || summary.path("count").asLong() == 0) return null;
    }
    if (node == null || node.isNull()) return null;
    if (node.isObject() && SUMS.containsKey(id)) {
      double sum = 0;
      for (JsonNode reason : node) sum += reason.asDouble();
      return sum;
    }
    if (id.equals("resources.bytesWritten") && node.asLong() < 0) return null;
    return node.asDouble();
  }

  private static List<Path> recordings() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/recorded"))) {
      List<Path> out = new ArrayList<>(files.filter(f -> f.toString().endsWith(".json")).sorted().toList());
      assertNotEquals(0, out.size());
      return out;
    }
  }
}
