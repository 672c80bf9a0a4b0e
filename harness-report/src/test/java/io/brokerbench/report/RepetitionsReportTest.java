package io.brokerbench.report;

import static io.brokerbench.report.RunBuilder.MS;
import static io.brokerbench.report.RunBuilder.run;
import static io.brokerbench.report.RunBuilder.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Known answers for figures over repetitions: three repetitions of 10,000 end-to-end latencies of
 * 1 ms each, but in the third, 50 of them waited out a 2 s stall instead. Of all 30,000 values
 * together, 50 (0.17%) are 2 s, so the max and p99.9 are 2 s; the mean of the repetitions' own max
 * or p99.9 is (1 ms + 1 ms + 2 s) / 3 ≈ 0.67 s.
 */
class RepetitionsReportTest {
  /** HdrHistogram keeps 3 significant digits: a value is exact to 0.1%. */
  private static final double PRECISION = 0.002;
  private static final double STALL_MICROS = 2_000_000;

  private final LatencySummary calm = summary(Map.of(MS, 10_000L));
  private final LatencySummary stalled = summary(Map.of(MS, 9_950L, 2_000 * MS, 50L));

  private List<RunResult> runs() {
    List<RunResult> runs = new ArrayList<>();
    List<LatencySummary> byRepetition = List.of(calm, calm, stalled);
    for (int rep = 1; rep <= 3; rep++) {
      runs.add(run("queue-engine", "steady", rep).endToEnd(byRepetition.get(rep - 1)).build());
      runs.add(run("synthetic", "steady", rep).build());
    }
    return runs;
  }

  @Test
  void aStallInOneOfThreeRepetitionsShowsAsTheMaxAndP999OfAllValuesTogether() {
    Document page = render(RunBuilder.document("stall", Map.of(), runs()));
    Element max = latencyCell(page, "latency.endToEnd.response.max");
    Element p999 = summaryCell(page, "latency.endToEnd.response.p999");
    assertEquals(STALL_MICROS, value(max), STALL_MICROS * PRECISION, "merged max");
    assertEquals(STALL_MICROS, value(p999), STALL_MICROS * PRECISION, "merged p99.9");
    assertEquals(Cell.MERGED, max.attr("data-basis"));
    assertTrue(max.selectFirst(".v").text().startsWith("2,00"), max.text());
    assertEquals(1_000, value(latencyCell(page, "latency.endToEnd.response.p50")), 1_000 * PRECISION, "the median is unmoved");
    assertEquals(30_000, value(latencyCell(page, "latency.endToEnd.response.count")), 0.0, "counts add up");

    // The spread between repetitions is shown apart: the mean of each repetition's own figure.
    double averagedMax = (calm.max() + calm.max() + stalled.max()) / 3;
    double averagedP999 = (calm.p999() + calm.p999() + stalled.p999()) / 3;
    assertEquals(averagedMax, Double.parseDouble(max.attr("data-spread-mean")), 1e-6);
    assertEquals(averagedP999, Double.parseDouble(p999.attr("data-spread-mean")), 1e-6);
    assertTrue(p999.selectFirst(".spread").text().startsWith("reps "), p999.text());

    // Negative control: averaging each repetition's figure gives about 0.67 s, which the checks above reject.
    for (double averaged : List.of(averagedMax, averagedP999)) {
      assertEquals(STALL_MICROS / 3, averaged, STALL_MICROS / 3 * 0.01);
      assertTrue(Math.abs(averaged - STALL_MICROS) > STALL_MICROS * PRECISION);
    }
  }

  @Test
  void thePercentileChartDrawsTheCurveOfAllValuesTogether() throws Exception {
    Document page = render(RunBuilder.document("stall", Map.of(), runs()));
    JsonNode chart = ResultsJson.mapper().readTree(page.getElementById("bb-chart-data").data())
        .path("charts").path("w1-end-to-end-response");
    int at999 = -1;
    for (int i = 0; i < chart.get("x").size(); i++) {
      if (Math.abs(chart.get("x").get(i).asDouble() - 3.0) < 1e-9) at999 = i;
    }
    assertTrue(at999 >= 0, "p99.9 is on the chart: " + chart.get("x"));
    JsonNode queueEngine = chart.get("series").get(0);
    assertEquals("queue-engine", queueEngine.get("label").asText());
    assertEquals(STALL_MICROS, queueEngine.get("y").get(at999).asDouble(), STALL_MICROS * PRECISION);
  }

  @Test
  void schemaVersion1ResultsFallBackToMeansOfTheRepetitionsAndSaySo() {
    List<RunResult> withoutHistograms = runs().stream().map(RepetitionsReportTest::withoutHistograms).toList();
    Document page = render(new ResultsDocument(1, "old", null, RunBuilder.ENVIRONMENT, withoutHistograms));
    Element max = latencyCell(page, "latency.endToEnd.response.max");
    assertEquals(Cell.MEAN, max.attr("data-basis"));
    assertEquals((calm.max() + calm.max() + stalled.max()) / 3, value(max), 1e-6, "the mean, as version 1 can only give");
    assertTrue(max.selectFirst(".ci").text().startsWith("± "), "with its interval: " + max.text());
    String note = page.selectFirst("[data-note=aggregation]").text();
    assertTrue(note.contains("schema version 1") && note.contains("diluted"), note);
  }

  private static RunResult withoutHistograms(RunResult r) {
    var p = r.latency().publish();
    var e = r.latency().endToEnd();
    var latency = new io.brokerbench.results.LatencyRecord(
        new io.brokerbench.results.LatencyPair(strip(p.service()), strip(p.response())),
        new io.brokerbench.results.LatencyPair(strip(e.service()), strip(e.response())));
    return new RunResult(r.target(), r.targetInfo(), r.workload(), r.repetition(), r.status(), r.error(), r.startedAt(),
        r.endedAt(), r.phases(), r.throughput(), latency, r.ordering(), r.delivery(), r.resources(), r.histogramLog());
  }

  private static LatencySummary strip(LatencySummary s) {
    return new LatencySummary(s.count(), s.overflow(), s.negative(), s.min(), s.mean(), s.p50(), s.p90(), s.p95(), s.p99(),
        s.p999(), s.p9999(), s.max(), s.curve(), null);
  }

  static Document render(ResultsDocument document) {
    return Jsoup.parse(ReportWriter.render(document));
  }

  private static Element latencyCell(Document page, String metric) {
    return page.selectFirst("table[data-table=latency] tr[data-target=queue-engine] td[data-metric=" + metric + "]");
  }

  private static Element summaryCell(Document page, String metric) {
    return page.selectFirst("table[data-table=summary] tr[data-target=queue-engine] td[data-metric=" + metric + "]");
  }

  private static double value(Element cell) {
    return Double.parseDouble(cell.attr("data-value"));
  }
}
