package io.brokerbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.TargetInfoRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results with little in them (a run that never started, no scenario, no runs) still make a page. */
class SparseResultsTest {
  @TempDir Path dir;

  @Test
  void aDocumentWithoutRunsOrContextGivesAPageWithNoWorkloads() throws Exception {
    ResultsJson.write(dir, new ResultsDocument(ResultsDocument.SCHEMA_VERSION, "empty-run", null, null, List.of()));
    Document page = Jsoup.parse(ReportWriter.write(dir).toFile(), "UTF-8");
    assertTrue(page.select("section.workload").isEmpty());
    assertTrue(page.getElementById("environment").text().contains("not recorded"));
    assertTrue(page.text().contains("0 runs"), page.select("header").text());
  }

  @Test
  void runsWithoutFiguresShowTheirReasonAndNoCharts() throws Exception {
    var neverOpened = new RunResult("kafka", null, "steady", 1, RunStatus.FAILED, "no Docker engine and no local Kafka",
        "2026-11-27T02:05:12Z", "2026-11-27T02:05:13Z", null, null, null, null, null, null, null);
    var stopped = new RunResult("queue-engine", new TargetInfoRecord("queue-engine", "0.1.0", "embedded", Map.of(), null),
        "steady", 1, RunStatus.INTERRUPTED, "stopped by the user", "2026-11-27T02:05:13Z", "2026-11-27T02:05:14Z",
        Map.of("warmup", 0.2), null, null, null, null, null, null);
    ResultsJson.write(dir, new ResultsDocument(ResultsDocument.SCHEMA_VERSION, "sparse", null, null, List.of(neverOpened, stopped)));
    Document page = Jsoup.parse(ReportWriter.write(dir).toFile(), "UTF-8");
    assertEquals(List.of("failed", "interrupted"), page.select("tr.target-row").eachAttr("data-status"));
    assertTrue(page.selectFirst("tr.target-row[data-target=kafka]").text().contains("no Docker engine"));
    assertTrue(page.selectFirst("tr.target-row[data-target=kafka]").text().contains("never opened"));
    assertTrue(page.select("figure.chart").isEmpty());
    assertTrue(page.select("td[data-metric]").isEmpty());
  }

  @Test
  void aKilledRunsFolderSaysWhichPlannedRunsDidNotRun() throws Exception {
    var done = RunResult.withoutFigures("loopback", null, "steady", 1, RunStatus.FAILED, "no target", "2026-12-03T18:00:00Z",
        "2026-12-03T18:00:01Z");
    ResultsJson.write(dir, new ResultsDocument(ResultsDocument.SCHEMA_VERSION, "killed", null, null, List.of(done),
        List.of(new io.brokerbench.results.PlannedRun("loopback", "steady", 1), new io.brokerbench.results.PlannedRun("kafka", "steady", 1),
            new io.brokerbench.results.PlannedRun("loopback", "steady", 2))));
    Document page = Jsoup.parse(ReportWriter.write(dir).toFile(), "UTF-8");
    String header = page.select("header").text();
    assertTrue(header.contains("2 of 3 planned runs did not run: kafka × steady rep 1, loopback × steady rep 2"), header);
  }
}
