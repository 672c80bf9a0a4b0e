package io.brokerbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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

  /** The number at a dotted path, a sum where {@link #SUMS} says so; null where the run has none. */
  private static Double valueAt(JsonNode run, String id) {
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
