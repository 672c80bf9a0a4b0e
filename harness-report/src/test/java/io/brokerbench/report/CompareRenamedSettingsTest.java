package io.brokerbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokerbench.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder recorded before setting names changed compares with one recorded after: the
 * same settings under old and new names (fsyncIntervalMs: 50 and fsync: interval then, fsync:
 * interval(50ms) now; acks: afterFsync then, producer.acks: after-fsync now) are the same setting
 * with the same value, so nothing blocks the figures.
 */
class CompareRenamedSettingsTest {
  @TempDir Path dir;

  @Test
  void equalSettingsUnderOldAndNewNamesCompareEqual() throws Exception {
    Path old = FixtureResults.copyTo(dir.resolve("old"), FixtureResults.RESOURCE_OLD_SETTINGS);
    Path now = FixtureResults.copyTo(dir.resolve("new"), FixtureResults.RESOURCE_NEW_SETTINGS);
    CompareReport.Outcome outcome = CompareReport.write(old, now, dir.resolve("out.html"));

    assertEquals(List.of(), outcome.blockingDifferences());
    assertEquals(0, outcome.notComparable());
    assertTrue(outcome.figures() > 0);
    List<String> settings = page(outcome).select("table[data-table=differences] tr[data-kind='target setting']")
        .eachAttr("data-subject");
    assertEquals(List.of("queue-engine · dataDirectory", "log-engine · dataDirectory"), settings,
        "only where each run wrote its data differs, and that is listed, not blocking");
  }

  @Test
  void aSettingThatDiffersIsShownUnderItsNewNameWithTheOldValueRenamed() throws Exception {
    Path old = FixtureResults.copyTo(dir.resolve("old"), FixtureResults.RESOURCE_OLD_SETTINGS);
    Path now = FixtureResults.copyTo(dir.resolve("new"), FixtureResults.RESOURCE_NEW_SETTINGS);
    ObjectNode tree = (ObjectNode) FixtureResults.tree(now);
    for (var run : tree.get("runs")) {
      if (run.get("target").asText().equals("queue-engine")) {
        ((ObjectNode) run.get("targetInfo").get("settings")).put("fsync", "interval(60ms)");
      }
    }
    Files.write(now.resolve(ResultsJson.FILE_NAME), ResultsJson.mapper().writeValueAsBytes(tree));
    CompareReport.Outcome outcome = CompareReport.write(old, now, dir.resolve("out.html"));

    Element difference = page(outcome).selectFirst("table[data-table=differences] tr[data-subject='queue-engine · fsync']");
    assertEquals("true", difference.attr("data-blocking"));
    assertTrue(difference.text().contains("interval(50ms)") && difference.text().contains("interval(60ms)"),
        difference.text());
    assertFalse(page(outcome).text().contains("fsyncIntervalMs"), "the old name is not shown");
    assertEquals(1, outcome.blockingDifferences().size(), outcome.blockingDifferences().toString());
  }

  private static Document page(CompareReport.Outcome outcome) throws Exception {
    return Jsoup.parse(outcome.page().toFile(), "UTF-8");
  }
}
