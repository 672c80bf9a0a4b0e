package io.brokerbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed results folder committed as test data, and an independent reading of its figures
 * straight from the JSON tree (not through the report's own code), to compare pages against.
 */
final class FixtureResults {
  static final String RESOURCE = "/fixture-results/results.json";

  private FixtureResults() {}

  /** Copies the fixture's results.json into {@code folder} (created if needed). */
  static Path copyTo(Path folder) {
    try (InputStream in = FixtureResults.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing test resource " + RESOURCE);
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
   * {@code resources.peakRssBytes} are sums over {@code resources.processes}. {@code null} when absent.
   */
  static Double figure(JsonNode run, String path) {
    if (path.equals("resources.cpuSeconds") || path.equals("resources.peakRssBytes")) {
      JsonNode processes = run.path("resources").path("processes");
      if (!processes.isArray() || processes.isEmpty()) return null;
      String field = path.substring("resources.".length());
      double sum = 0;
      for (JsonNode p : processes) sum += p.get(field).asDouble();
      return sum;
    }
    JsonNode node = run;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        node = node.path(part.substring(0, bracket)).path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      } else {
        node = node.path(part);
      }
    }
    if (!node.isNumber()) return null;
    if (path.equals("resources.bytesWritten") && node.asLong() < 0) return null;
    return node.asDouble();
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
