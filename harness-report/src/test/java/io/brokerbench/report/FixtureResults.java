package io.brokerbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed results folders committed as test data (schema version 1, kept as the compatibility
 * fixture, schema version 2, and a pair recorded before and after setting names changed), and an independent reading of their figures straight from the JSON
 * tree (not through the report's own code), to compare pages against.
 */
final class FixtureResults {
  /** Schema version 1: no histograms, guarantees, saturation reasons or removed counts. */
  static final String RESOURCE = "/fixture-results/results.json";
  /** Schema version 2 (see {@link FixtureResultsV2Generator}). */
  static final String RESOURCE_V2 = "/fixture-results-v2/results.json";
  /**
   * Recorded before the settings convention: synthetic, queue-engine and log-engine with settings
   * under their old names and values (fsyncIntervalMs, acks: afterFsync, ...).
   */
  static final String RESOURCE_OLD_SETTINGS = "/fixture-results-old-settings/results.json";
  /** The same scenario and workload recorded after it, the same settings under the new names. */
  static final String RESOURCE_NEW_SETTINGS = "/fixture-results-new-settings/results.json";

  private FixtureResults() {}

  /** Copies the schema-1 fixture's results.json into {@code folder} (created if needed). */
  static Path copyTo(Path folder) {
    return copyTo(folder, RESOURCE);
  }

  /** Copies the schema-2 fixture's results.json into {@code folder} (created if needed). */
  static Path copyV2To(Path folder) {
    return copyTo(folder, RESOURCE_V2);
  }

  static Path copyTo(Path folder, String resource) {
    try (InputStream in = FixtureResults.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing test resource " + resource);
      Files.createDirectories(folder);
      Files.copy(in, folder.resolve(ResultsJson.FILE_NAME));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(Path folder) {
    try {
      return ResultsJson.mapper().readTree(folder.resolve(ResultsJson.FILE_NAME).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The runs of {@code target} × {@code workload}, in file order. */
  static List<JsonNode> runs(JsonNode tree, String target, String workload) {
    List<JsonNode> runs = new ArrayList<>();
    for (JsonNode run : tree.get("runs")) {
      if (run.get("target").asText().equals(target) && run.get("workload").asText().equals(workload)) runs.add(run);
    }
    return runs;
  }

  /**
   * The figure at {@code path} of a run ({@code latency.endToEnd.response.p99},
   * {@code delivery.bySubscription[1].lost}); {@code resources.cpuSeconds} and
   * {@code resources.peakRssBytes} are sums over {@code resources.processes}, a {@code removed}
   * ledger figure the sum of its reasons. {@code null} when absent.
   */
  static Double figure(JsonNode run, String path) {
    if (path.endsWith("removed")) {
      JsonNode removed = node(run, path);
      if (!removed.isObject()) return null;
      double sum = 0;
      for (JsonNode reason : removed) sum += reason.asDouble();
      return sum;
    }
    if (path.equals("resources.cpuSeconds") || path.equals("resources.peakRssBytes")) {
      JsonNode processes = run.path("resources").path("processes");
      if (!processes.isArray() || processes.isEmpty()) return null;
      String field = path.substring("resources.".length());
      double sum = 0;
      for (JsonNode p : processes) sum += p.get(field).asDouble();
      return sum;
    }
    JsonNode node = node(run, path);
    if (!node.isNumber()) return null;
    if (path.equals("resources.bytesWritten") && node.asLong() < 0) return null;
    return node.asDouble();
  }

  private static JsonNode node(JsonNode run, String path) {
    JsonNode node = run;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        node = node.path(part.substring(0, bracket)).path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      } else {
        node = node.path(part);
      }
    }
    return node;
  }

  /**
   * What the report should show for a figure over the ok runs: for a latency figure of summaries that
   * carry histograms, that figure of their merge ({@link LatencyRecorder#merge}: all values together);
   * otherwise the mean over the ok runs ({@link #meanOverOkRuns}). {@code null} when no run has it.
   */
  static Double overOkRuns(List<JsonNode> runs, String path) {
    int lastDot = path.lastIndexOf('.');
    String summaryPath = path.substring(0, lastDot);
    if (!summaryPath.startsWith("latency.")) return meanOverOkRuns(runs, path);
    List<LatencySummary> summaries = new ArrayList<>();
    for (JsonNode run : runs) {
      if (!run.get("status").asText().equals("ok")) continue;
      JsonNode summary = node(run, summaryPath);
      if (!summary.isObject() || summary.path("count").asLong() == 0) continue;
      if (!summary.hasNonNull("histogram")) return meanOverOkRuns(runs, path);
      try {
        summaries.add(ResultsJson.mapper().treeToValue(summary, LatencySummary.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (summaries.isEmpty()) return null;
    JsonNode merged = ResultsJson.mapper().valueToTree(LatencyRecorder.merge(summaries));
    return merged.path(path.substring(lastDot + 1)).asDouble();
  }

  /** Mean of the figure over the ok runs that have it; {@code null} when none has. */
  static Double meanOverOkRuns(List<JsonNode> runs, String path) {
    double sum = 0;
    int n = 0;
    for (JsonNode run : runs) {
      if (!run.get("status").asText().equals("ok")) continue;
      Double v = figure(run, path);
      if (v == null) continue;
      sum += v;
      n++;
    }
    return n == 0 ? null : sum / n;
  }
}
