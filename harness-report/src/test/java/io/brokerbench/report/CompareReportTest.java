package io.brokerbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokerbench.results.InvalidResultsException;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
  @TempDir Path dir;

  @Test
  void marksOnlyTheFigureThatMovedBeyondTheNoise() throws Exception {
    Path a = FixtureResults.copyTo(dir.resolve("a"));
    Path b = variant("b", tree -> runsOf(tree, "queue-engine", "steady-1kib").forEach(run -> {
      ObjectNode response = (ObjectNode) run.path("latency").path("endToEnd").path("response");
      response.put("p99", response.get("p99").asDouble() * 3);
    }));
    Document page = compare(a, b);

    List<Element> flagged = page.select("table[data-table=flagged] tbody tr");
    assertEquals(1, flagged.size(), flagged.toString());
    assertEquals("queue-engine", flagged.get(0).attr("data-target"));
    assertEquals("worse", flagged.get(0).attr("data-verdict"));
    assertEquals("steady-1kib", flagged.get(0).attr("data-workload"));

    Element row = page.selectFirst("section[data-workload=steady-1kib] tr[data-target=queue-engine][data-metric=latency.endToEnd.response.p99]");
    assertEquals("worse", row.attr("data-verdict"));
    assertEquals("+200.0%", row.selectFirst("td.change").text());
    Element same = page.selectFirst("section[data-workload=steady-1kib] tr[data-target=queue-engine][data-metric=throughput.confirmedPerSec]");
    assertEquals("within-noise", same.attr("data-verdict"));
  }

  @Test
  void saysTheNoiseIsUnknownWithASingleRepetition() throws Exception {
    Path a = FixtureResults.copyTo(dir.resolve("a"));
    Path b = variant("b", tree -> runsOf(tree, "rabbitmq", "steady-1kib").stream()
        .filter(run -> run.get("status").asText().equals("ok"))
        .forEach(run -> ((ObjectNode) run.path("throughput")).put("confirmedPerSec", 1.0)));
    Document page = compare(a, b);
    List<String> verdicts = page.select("section[data-workload=steady-1kib] tr[data-target=rabbitmq]").eachAttr("data-verdict");
    assertFalse(verdicts.isEmpty());
    assertTrue(verdicts.stream().allMatch("noise-unknown"::equals), verdicts.toString());
    assertTrue(page.selectFirst("[data-overview]").text().contains("noise unknown"));
  }

  @Test
  void listsTargetsPresentOnOneSideOnlyAndStatusChanges() throws Exception {
    Path a = FixtureResults.copyTo(dir.resolve("a"));
    Path b = variant("b", tree -> {
      ArrayNode runs = (ArrayNode) tree.get("runs");
      for (int i = runs.size() - 1; i >= 0; i--) {
        JsonNode run = runs.get(i);
        if (run.get("target").asText().equals("rabbitmq") && run.get("workload").asText().equals("fanout-max")) runs.remove(i);
      }
      runsOf(tree, "queue-engine", "fanout-max").get(1).put("status", "failed").put("error", "disk full");
    });
    Document page = compare(a, b);
    List<String> notes = page.select("section[data-workload=fanout-max] [data-note]").eachText();
    assertTrue(notes.contains("rabbitmq ran fanout-max only in A."), notes.toString());
    assertTrue(notes.contains("queue-engine: 2 ok in A, 1 ok, 1 failed in B."), notes.toString());
    assertTrue(page.select("section[data-workload=fanout-max] tr[data-target=rabbitmq]").isEmpty());
  }

  @Test
  void refusesAMissingOrCorruptSideAndWritesNothing() throws Exception {
    Path a = FixtureResults.copyTo(dir.resolve("a"));
    Path missing = Files.createDirectories(dir.resolve("missing"));
    Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
    Files.writeString(corrupt.resolve("results.json"), "{\"schemaVersion\": 1, \"runs\": [");
    Path out = dir.resolve("out/compare.html");
    var e = assertThrows(InvalidResultsException.class, () -> CompareReport.write(a, missing, out));
    assertTrue(e.getMessage().contains(missing.resolve("results.json").toString()), e.getMessage());
    assertThrows(InvalidResultsException.class, () -> CompareReport.write(corrupt, a, out));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  private Document compare(Path a, Path b) throws Exception {
    Path out = CompareReport.write(a, b, dir.resolve("out/compare.html")).page();
    assertEquals(dir.resolve("out/compare.html"), out);
    Document page = Jsoup.parse(out.toFile(), "UTF-8");
    assertTrue(page.select("script[src], link[rel=stylesheet]").isEmpty(), "self-contained");
    return page;
  }

  private Path variant(String name, Consumer<ObjectNode> change) throws IOException {
    Path folder = FixtureResults.copyTo(dir.resolve(name));
    ObjectNode tree = (ObjectNode) FixtureResults.tree(folder);
    change.accept(tree);
    ((ObjectNode) tree).put("runId", "20261128-101500-b7c1");
    Files.write(folder.resolve("results.json"), ResultsJson.mapper().writeValueAsBytes(tree));
    return folder;
  }

  private static List<ObjectNode> runsOf(JsonNode tree, String target, String workload) {
    return FixtureResults.runs(tree, target, workload).stream().map(n -> (ObjectNode) n).toList();
  }
}
