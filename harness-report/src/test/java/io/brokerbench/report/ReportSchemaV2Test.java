package io.brokerbench.report;

import static io.brokerbench.report.RunBuilder.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.metrics.LatencyField;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.SecondSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts schema version 2 adds, as the report shows them (fixture-results-v2, and known answers built here). */
class ReportSchemaV2Test {
  @TempDir Path dir;
  private Document page;
  private JsonNode results;

  @BeforeEach
  void writeFixtureReport() throws Exception {
    Path folder = FixtureResults.copyV2To(dir.resolve("results"));
    page = Jsoup.parse(ReportWriter.write(folder).toFile(), "UTF-8");
    results = FixtureResults.tree(folder);
  }

  @Test
  void summaryAndLatencyFiguresAreOfAllOkRepetitionsTogether() {
    int checked = 0;
    for (Element section : page.select("section.workload")) {
      String workload = section.attr("data-workload");
      for (Element cell : section.select("table[data-table=summary] td[data-metric], table[data-table=latency] td[data-metric]")) {
        String target = cell.parent().attr("data-target");
        Double expected = FixtureResults.overOkRuns(FixtureResults.runs(results, target, workload), cell.attr("data-metric"));
        String where = workload + " " + target + " " + cell.attr("data-metric");
        if (expected == null) {
          assertEquals("", cell.attr("data-value"), where);
          continue;
        }
        assertEquals(expected, Double.parseDouble(cell.attr("data-value")), Math.abs(expected) * 1e-12, where);
        checked++;
      }
    }
    assertEquals(5 * ReportModel.SUMMARY_METRICS.size() + 5 * 4 * LatencyField.values().length, checked,
        "5 target × workload pairs with figures: every summary figure and every figure of four latency distributions");
    Element rabbitMax = page.selectFirst("section[data-workload=steady-1kib] table[data-table=latency]"
        + " tr[data-target=rabbitmq][data-kind='end-to-end response time'] td[data-metric=latency.endToEnd.response.max]");
    assertTrue(Double.parseDouble(rabbitMax.attr("data-value")) >= 2_000_000, "the 2 s stall of repetition 2 is the max");
    assertTrue(Double.parseDouble(rabbitMax.attr("data-spread-mean")) < 1_000_000, "the repetitions' own maxima average lower");
  }

  @Test
  void eachTargetShowsItsGuaranteeAndTheWorkloadWarnsThatTheyDiffer() {
    for (String workload : List.of("steady-1kib", "fanout-ttl")) {
      Element warning = page.selectFirst("section[data-workload=" + workload + "] [data-warning=guarantee]");
      assertNotNull(warning, workload);
      assertTrue(warning.text().contains("queue-engine: confirmed when the broker received it"), warning.text());
      assertTrue(warning.text().contains("rabbitmq: confirmed after fsync"), warning.text());
      assertFalse(warning.text().contains("loopback"), "the reference is not a contender: " + warning.text());
    }
    Element rabbit = page.selectFirst("section[data-workload=steady-1kib] tr.target-row[data-target=rabbitmq] .guarantee");
    assertTrue(rabbit.text().startsWith("confirmed after fsync; broker kill: every confirmed message survives"), rabbit.text());
    assertTrue(page.selectFirst("tr[data-setting=guarantee]").text().contains("from persistent=true"));
  }

  @Test
  void targetsAtOneGuaranteeCarryNoWarning() {
    List<RunResult> runs = List.of(
        run("loopback", "steady", 1).guarantee(RunBuilder.IN_MEMORY).build(),
        run("queue-engine", "steady", 1).guarantee(RunBuilder.IN_MEMORY).build(),
        run("loopback", "durable", 1).guarantee(RunBuilder.IN_MEMORY).build(),
        run("queue-engine", "durable", 1).guarantee(RunBuilder.FSYNC).build(),
        run("rabbitmq", "durable", 1).guarantee(RunBuilder.FSYNC).build(),
        run("loopback", "mixed", 1).guarantee(RunBuilder.IN_MEMORY).build(),
        run("queue-engine", "mixed", 1).guarantee(RunBuilder.IN_MEMORY).build(),
        run("rabbitmq", "mixed", 1).guarantee(RunBuilder.FSYNC).build());
    Document known = RepetitionsReportTest.render(RunBuilder.document("g", Map.of(), runs));
    assertNull(known.selectFirst("section[data-workload=steady] [data-warning=guarantee]"));
    assertNull(known.selectFirst("section[data-workload=durable] [data-warning=guarantee]"),
        "loopback, the in-memory reference, differs from the contenders without a warning");
    assertNotNull(known.selectFirst("section[data-workload=mixed] [data-warning=guarantee]"), "negative control");
  }

  @Test
  void saturatedRunsShowTheRecordedReasons() {
    String steady = page.selectFirst("section[data-workload=steady-1kib] tr[data-notes-for=rabbitmq]").text();
    assertTrue(steady.contains("rep 2 saturated: producer 2: 1.42 s behind its schedule at the window's end (limit 1.00 s)"),
        steady);
    String fanout = page.selectFirst("section[data-workload=fanout-ttl] tr[data-notes-for=rabbitmq]").text();
    assertTrue(fanout.contains("rep 3 saturated: subscription 2: backlog grew by 9,240 messages"), fanout);
    assertFalse(page.select("tr.notes-row").text().contains("5% short"), "the schema-1 definition is not claimed");
    assertTrue(page.selectFirst("#glossary").text().contains("max(1 s, 5% of the window)"), "defined with SaturationRule's limits");
  }

  @Test
  void removedMessagesAreShownBesideLostAndNeverCountedAsLost() {
    Element row = page.selectFirst("section[data-workload=fanout-ttl] table[data-table=summary] tr[data-target=rabbitmq]");
    double removed = Double.parseDouble(row.selectFirst("td[data-metric=delivery.removed]").attr("data-value"));
    assertTrue(removed > 11_000, "expired messages of subscription 2: " + removed);
    assertEquals(0, Double.parseDouble(row.selectFirst("td[data-metric=delivery.lost]").attr("data-value")));
    List<String> summaryColumns = row.select("td[data-metric]").eachAttr("data-metric");
    assertEquals(summaryColumns.indexOf("delivery.lost") + 1, summaryColumns.indexOf("delivery.removed"), "beside lost");
    Element sub2 = page.selectFirst("section[data-workload=fanout-ttl] tr.sub-row[data-target=rabbitmq][data-repetition=1]"
        + "[data-subscription=2] td[data-metric$=removed]");
    assertTrue(sub2.selectFirst(".cell-note").text().startsWith("expired "), sub2.text());
    for (JsonNode run : FixtureResults.runs(results, "rabbitmq", "fanout-ttl")) {
      for (JsonNode sub : run.at("/delivery/bySubscription")) {
        long removedHere = 0;
        for (JsonNode reason : sub.get("removed")) removedHere += reason.asLong();
        assertEquals(sub.get("expected").asLong(), sub.get("delivered").asLong() + sub.get("lost").asLong() + removedHere,
            "the fixture keeps delivered + lost + removed = expected");
      }
    }
  }

  @Test
  void aSettingWithoutEffectReadsNotApplicableWithItsReason() {
    Element fsync = page.selectFirst("tr[data-setting=fsync]");
    Element queueEngine = fsync.select("td").get(1);
    assertEquals("not applicable no message is persistent", queueEngine.text());
    assertNotNull(queueEngine.selectFirst("[data-not-applicable]"));
    assertTrue(queueEngine.select("code").isEmpty(), "not shown as a value");
    // Negative control: a setting with an effect is shown as its value.
    Element persistent = page.selectFirst("tr[data-setting=persistent]").select("td").get(2);
    assertEquals("true", persistent.selectFirst("code").text());
    assertNull(persistent.selectFirst("[data-not-applicable]"));
  }

  @Test
  void theLastPartialIntervalIsItsCountOverItsLength() throws Exception {
    List<RunResult> runs = List.of(run("queue-engine", "steady", 1).series(
        new SecondSample(0, "measure", 1.0, 1_000, 1_000, 1_000),
        new SecondSample(1, "measure", 1.0, 1_000, 1_000, 1_000),
        new SecondSample(2, "drain", 0.25, 250, 250, 250)).build());
    Document known = RepetitionsReportTest.render(RunBuilder.document("partial", Map.of(), runs));
    JsonNode charts = ResultsJson.mapper().readTree(known.getElementById("bb-chart-data").data()).get("charts");
    for (String chart : List.of("w1-confirmed", "w1-consumed")) {
      JsonNode y = charts.get(chart).get("series").get(0).get("y");
      assertEquals(1_000, y.get(y.size() - 1).asDouble(), 1e-9, chart + ": 250 in 0.25 s is 1,000/s");
      // Negative control: the count alone would read as a dip to 250/s.
      assertTrue(Math.abs(y.get(y.size() - 1).asDouble() - 250) > 1);
    }
  }

  @Test
  void removedIsCountedApartFromLostInKnownAnswers() {
    List<RunResult> runs = List.of(run("rabbitmq", "ttl", 1).subscriptions(3)
        .removed(new RemovedRecord(1_200, 0, 0, 0)).lost(7).build());
    Document known = RepetitionsReportTest.render(RunBuilder.document("ttl", Map.of(), runs));
    Element row = known.selectFirst("table[data-table=runs] tr.run-row[data-target=rabbitmq]");
    assertEquals(3 * 1_200, Double.parseDouble(row.selectFirst("td[data-metric=delivery.removed]").attr("data-value")));
    assertEquals(3 * 7, Double.parseDouble(row.selectFirst("td[data-metric=delivery.lost]").attr("data-value")));
    assertEquals("expired 3,600", row.selectFirst("td[data-metric=delivery.removed] .cell-note").text());
  }
}
