package io.brokerbench.report;


import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.InvalidResultsException;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
  @TempDir Path dir;
  private Path folder;
  private Document page;
  private JsonNode results;

  @BeforeEach
  void writeFixtureReport() throws Exception {
    folder = FixtureResults.copyTo(dir.resolve("results"));
    Path report = ReportWriter.write(folder);
    assertEquals(folder.resolve("report.html"), report);
    page = Jsoup.parse(report.toFile(), "UTF-8");
    results = FixtureResults.tree(folder);
  }

  @Test
  void hasOneSectionPerWorkloadAndTheContextSections() {
    List<String> workloads = page.select("section.workload").eachAttr("data-workload");
    assertEquals(List.of("steady-1kib", "fanout-max"), workloads);
    for (String id : List.of("what-was-run", "environment", "settings", "glossary")) {
      assertNotNull(page.getElementById(id), "section #" + id);
    }
    assertEquals(3, page.select("#what-was-run figure.file").size(), "scenario and both workload files");
    assertTrue(page.selectFirst("section[data-workload=fanout-max] details.source pre").text().contains("routing: fanout"));
  }

  @Test
  void summaryHasOneRowPerTargetWithTheWorstStatusAndItsReasons() {
    Element steady = summary("steady-1kib");
    assertEquals(List.of("loopback", "queue-engine", "rabbitmq"), steady.select("tr.target-row").eachAttr("data-target"));
    assertEquals(List.of("ok", "ok", "failed"), steady.select("tr.target-row").eachAttr("data-status"));
    String rabbitNotes = steady.selectFirst("tr[data-notes-for=rabbitmq]").text();
    assertTrue(rabbitNotes.contains("rep 1 saturated"), rabbitNotes);
    assertEquals(Guarantees.NOT_RECORDED, steady.selectFirst("tr.target-row[data-target=rabbitmq] .guarantee").text(),
        "schema 1 recorded no guarantee");
    assertTrue(rabbitNotes.contains("rep 2 failed: connection to localhost:5672 lost"), rabbitNotes);

    Element fanout = summary("fanout-max");
    assertEquals(List.of("unsupported", "ok", "ok"), fanout.select("tr.target-row").eachAttr("data-status"));
    Element loopback = fanout.selectFirst("tr.target-row[data-target=loopback]");
    assertTrue(loopback.select("td[data-metric]").isEmpty(), "an unsupported target shows no figures");
    assertTrue(loopback.text().contains("asks for 3 subscriptions"), loopback.text());
  }

  @Test
  void summaryFiguresAreMeansOfTheOkRunsInResultsJson() {
    int checked = 0;
    for (Element section : page.select("section.workload")) {
      String workload = section.attr("data-workload");
      for (Element row : section.select("table[data-table=summary] tr.target-row")) {
        List<JsonNode> runs = FixtureResults.runs(results, row.attr("data-target"), workload);
        for (Element cell : row.select("td[data-metric]")) {
          Double expected = FixtureResults.meanOverOkRuns(runs, cell.attr("data-metric"));
          assertFigure(expected, cell, workload + " " + row.attr("data-target"));
          checked++;
        }
      }
    }
    assertEquals(5 * ReportModel.SUMMARY_METRICS.size(), checked, "5 target × workload pairs have figures");
  }

  @Test
  void latencyFiguresAreMeansOfTheOkRunsInResultsJson() {
    int checked = 0;
    for (Element section : page.select("section.workload")) {
      String workload = section.attr("data-workload");
      for (Element row : section.select("table[data-table=latency] tbody tr")) {
        List<JsonNode> runs = FixtureResults.runs(results, row.attr("data-target"), workload);
        for (Element cell : row.select("td[data-metric]")) {
          assertFigure(FixtureResults.meanOverOkRuns(runs, cell.attr("data-metric")), cell, workload);
          checked++;
        }
      }
    }
    assertEquals(5 * 4 * 12, checked);
  }

  @Test
  void everyRunAndSubscriptionIsListedWithItsExactFigures() {
    int runs = 0;
    for (Element section : page.select("section.workload")) {
      String workload = section.attr("data-workload");
      for (Element row : section.select("table[data-table=runs] tbody tr")) {
        JsonNode run = FixtureResults.runs(results, row.attr("data-target"), workload)
            .get(Integer.parseInt(row.attr("data-repetition")) - 1);
        if (!row.hasAttr("data-subscription")) {
          runs++;
          assertEquals(run.get("status").asText(), row.attr("data-status").replace("saturated", "ok"));
        }
        for (Element cell : row.select("td[data-metric]")) {
          if (cell.attr("data-metric").isEmpty()) continue;
          assertFigure(FixtureResults.figure(run, cell.attr("data-metric")), cell, workload);
        }
      }
    }
    assertEquals(results.get("runs").size(), runs);
    assertEquals(2 * 2 * 3, page.select("section[data-workload=fanout-max] tr.sub-row").size(),
        "two targets × two repetitions × three subscriptions");
  }

  @Test
  void marksAValueOnlyWhenItIsBetterThanEveryOtherContenderBeyondTheNoise() {
    Element fanout = summary("fanout-max");
    assertEquals(List.of("queue-engine"), targetsMarkedBest(fanout, "throughput.confirmedPerSec"));
    assertEquals(List.of("queue-engine"), targetsMarkedBest(fanout, "delivery.redelivered"));
    assertEquals(List.of(), targetsMarkedBest(fanout, "throughput.offeredPerSec"), "offered is an input, never best");
    assertEquals(List.of(), targetsMarkedBest(fanout, "delivery.lost"), "all equal: nothing to mark");
    for (Element best : page.select("td.best")) assertTrue(best.text().contains("★"), "best is marked by more than colour");
  }

  @Test
  void marksNothingWhereAContenderHasASingleRepetitionAndSaysWhy() {
    Element steady = summary("steady-1kib");
    assertTrue(steady.select("td.best").isEmpty(), "rabbitmq has one ok repetition of steady-1kib: its noise is unknown");
    String stars = page.selectFirst("section[data-workload=steady-1kib] [data-note=stars]").text();
    assertTrue(stars.contains("rabbitmq has a single ok repetition"), stars);
    // Negative control: queue-engine's confirmed rate is above rabbitmq's, so a rule that ranks means alone would mark it.
    assertTrue(mean("queue-engine", "steady-1kib", "throughput.confirmedPerSec")
        > mean("rabbitmq", "steady-1kib", "throughput.confirmedPerSec"));
  }

  @Test
  void theLoopbackReferenceIsShownAsTheReferenceRowAndNeverMarked() {
    Element row = summary("steady-1kib").selectFirst("tr.target-row[data-target=loopback]");
    assertTrue(row.hasClass("reference-row"), row.className());
    assertEquals("true", row.attr("data-reference"));
    assertTrue(row.selectFirst(".reference-label").text().contains("reference"), row.text());
    assertTrue(page.select("tr[data-reference=true] td.best").isEmpty());
    assertTrue(page.selectFirst("section[data-workload=steady-1kib] [data-note=reference]").text().contains("never ranked"));
    assertEquals(List.of("true", "false", "false"), summary("steady-1kib").select("tr.target-row").eachAttr("data-reference"));
    // Negative control: loopback has the highest confirmed rate of steady-1kib, so ranking it would mark it.
    for (String other : List.of("queue-engine", "rabbitmq")) {
      assertTrue(mean("loopback", "steady-1kib", "throughput.confirmedPerSec")
          > mean(other, "steady-1kib", "throughput.confirmedPerSec"), other);
    }
  }

  @Test
  void saysLatenciesOfSchemaVersion1AreMeansOfTheRepetitions() {
    String aggregation = page.selectFirst("section[data-workload=fanout-max] [data-note=aggregation]").text();
    assertTrue(aggregation.contains("schema version 1") && aggregation.contains("diluted"), aggregation);
    assertEquals(List.of("mean"), page.select("table[data-table=latency] td[data-metric$=.max]").eachAttr("data-basis")
        .stream().distinct().toList());
    assertTrue(page.selectFirst("header").text().contains("results schema version 1"));
  }

  @Test
  void saturationOfASchema1RunStatesThatVersionsDefinition() {
    String notes = summary("steady-1kib").selectFirst("tr[data-notes-for=rabbitmq]").text();
    assertTrue(notes.contains("fell more than 5% short") && notes.contains("schema version 1"), notes);
  }

  @Test
  void chartsHaveOneSeriesPerTargetWithFiguresAndTheirDataIsInThePage() throws Exception {
    assertEquals(List.of("3", "3", "3", "3", "3", "3"),
        page.select("section[data-workload=steady-1kib] figure.chart").eachAttr("data-series"));
    assertEquals(List.of("2", "2", "2", "2", "2", "2"),
        page.select("section[data-workload=fanout-max] figure.chart").eachAttr("data-series"));
    JsonNode charts = ResultsJson.mapper().readTree(page.getElementById("bb-chart-data").data()).get("charts");
    for (Element figure : page.select("figure.chart")) {
      JsonNode chart = charts.get(figure.id());
      assertNotNull(chart, "data for " + figure.id());
      assertEquals(Integer.parseInt(figure.attr("data-series")), chart.get("series").size());
      for (JsonNode series : chart.get("series")) assertEquals(chart.get("x").size(), series.get("y").size());
    }
    assertEquals(20_000, charts.get("w1-confirmed").get("offered").asDouble(), "fixed rate: offered line");
    assertTrue(charts.get("w2-confirmed").get("offered").isNull(), "max rate: no offered line");
    JsonNode percentile = charts.get("w1-end-to-end-response");
    assertEquals("percentile", percentile.get("kind").asText());
    assertEquals(-Math.log10(1 - 0.99999), percentile.get("x").get(percentile.get("x").size() - 1).asDouble(), 1e-9);
    List<String> colours = new ArrayList<>();
    charts.get("w1-confirmed").get("series").forEach(s -> colours.add(s.get("color").asText()));
    List<String> fanoutColours = new ArrayList<>();
    charts.get("w2-end-to-end-service").get("series").forEach(s -> fanoutColours.add(s.get("color").asText()));
    assertEquals(colours.subList(1, 3), fanoutColours, "each target keeps its colour across charts");
  }

  @Test
  void glossaryDefinesEveryColumn() {
    List<String> terms = page.select("#glossary dt").eachText().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
    var columns = new java.util.TreeSet<String>();
    for (Element th : page.select("table[data-table=summary] thead tr:eq(1) th, table[data-table=runs] thead tr:eq(1) th,"
        + " table[data-table=latency] thead th")) {
      columns.add(th.text().toLowerCase(java.util.Locale.ROOT));
    }
    columns.removeAll(List.of("target", "distribution"));
    assertTrue(columns.size() > 25, columns.toString());
    for (String column : columns) {
      String word = column.replaceAll(" \\(.*\\)$", "");
      assertTrue(terms.stream().anyMatch(t -> t.matches("(^|.*[ ,/(])" + java.util.regex.Pattern.quote(word) + "([ ,/)].*|$)")),
          "glossary defines " + column);
    }
  }

  @Test
  void isSelfContained() {
    assertTrue(page.select("script[src], link[rel=stylesheet], img[src], iframe").isEmpty());
    assertTrue(page.select("script").stream().anyMatch(s -> s.data().contains("uPlot")), "uPlot inlined");
  }

  @Test
  void escapesLabelsAndErrorsInTablesAndChartData(@TempDir Path other) throws Exception {
    String hostile = "<img src=x onerror=alert(1)></script><b>x</b>";
    String json = Files.readString(folder.resolve("results.json"))
        .replace("\"queue-engine\"", ResultsJson.mapper().writeValueAsString(hostile))
        .replace("connection to localhost:5672", "</script><script>alert(2)</script>");
    Files.writeString(other.resolve("results.json"), json);
    Document hostilePage = Jsoup.parse(ReportWriter.write(other).toFile(), "UTF-8");
    assertTrue(hostilePage.select("img, b").isEmpty(), "no markup injected");
    assertEquals(3, hostilePage.select("script").size(), "no script injected");
    assertTrue(hostilePage.select("tr.target-row").eachAttr("data-target").contains(hostile));
    JsonNode charts = ResultsJson.mapper().readTree(hostilePage.getElementById("bb-chart-data").data()).get("charts");
    List<String> labels = new ArrayList<>();
    charts.get("w1-confirmed").get("series").forEach(s -> labels.add(s.get("label").asText()));
    assertTrue(labels.contains(hostile), labels.toString());
  }

  @Test
  void refusesAFolderWithoutResultsAndWritesNothing(@TempDir Path empty) {
    var e = assertThrows(InvalidResultsException.class, () -> ReportWriter.write(empty));
    assertTrue(e.getMessage().contains("results.json"), e.getMessage());
    assertFalse(Files.exists(empty.resolve("report.html")));
    assertEquals(0, listing(empty).size());
  }

  @Test
  void refusesCorruptResultsAndWritesNothing(@TempDir Path corrupt) throws IOException {
    String json = Files.readString(folder.resolve("results.json"), StandardCharsets.UTF_8);
    Files.writeString(corrupt.resolve("results.json"), json.substring(0, json.length() / 2));
    var e = assertThrows(InvalidResultsException.class, () -> ReportWriter.write(corrupt));
    assertTrue(e.getMessage().contains("not valid results JSON"), e.getMessage());
    assertEquals(List.of("results.json"), listing(corrupt));
  }

  @Test
  void refusesAnotherSchemaVersionAndWritesNothing(@TempDir Path newer) throws IOException {
    String json = Files.readString(folder.resolve("results.json"), StandardCharsets.UTF_8);
    Files.writeString(newer.resolve("results.json"), json.replaceFirst("\"schemaVersion\" : 1", "\"schemaVersion\" : " + (ResultsDocument.SCHEMA_VERSION + 1)));
    assertThrows(InvalidResultsException.class, () -> ReportWriter.write(newer));
    assertEquals(List.of("results.json"), listing(newer));
  }

  private double mean(String target, String workload, String metric) {
    return FixtureResults.meanOverOkRuns(FixtureResults.runs(results, target, workload), metric);
  }

  private Element summary(String workload) {
    return page.selectFirst("section[data-workload=" + workload + "] table[data-table=summary]");
  }

  private static List<String> targetsMarkedBest(Element table, String metric) {
    List<String> targets = new ArrayList<>();
    for (Element row : table.select("tr.target-row")) {
      Element cell = row.selectFirst("td[data-metric=" + metric + "]");
      if (cell != null && cell.hasClass("best")) targets.add(row.attr("data-target"));
    }
    return targets;
  }

  private static void assertFigure(Double expected, Element cell, String where) {
    String context = where + " " + cell.attr("data-metric");
    if (expected == null) {
      assertEquals("", cell.attr("data-value"), context);
      assertEquals("–", cell.selectFirst(".v").text(), context);
      return;
    }
    assertFalse(cell.attr("data-value").isEmpty(), context + " has a value");
    double actual = Double.parseDouble(cell.attr("data-value"));
    assertEquals(expected, actual, Math.abs(expected) * 1e-12, context);
  }

  private static List<String> listing(Path dir) {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
