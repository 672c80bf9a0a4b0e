package io.brokerbench.report;

import static io.brokerbench.report.RunBuilder.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brokerbench.results.PartitionRecord;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages-per-partition section. Fixture, by hand: "hot" has 4 partitions; kafka sent
 * 400 / 300 / 200 / 100 in repetition 1 and the same in repetition 2, so its shares are 40%, 30%,
 * 20% and 10% and its hottest partition holds 40% ÷ 25% = 1.60 of an even share; loopback sent 250
 * to each (1.00). "single" has one partition and no section.
 */
class PartitionsReportTest {
  @TempDir Path dir;
  private Document page;

  private static List<PartitionRecord> sent(long... perPartition) {
    List<PartitionRecord> out = new ArrayList<>();
    for (int p = 0; p < perPartition.length; p++) out.add(new PartitionRecord(0, p, perPartition[p]));
    return out;
  }

  @BeforeEach
  void writeReport() throws Exception {
    List<RunResult> runs = new ArrayList<>();
    for (int rep = 1; rep <= 2; rep++) {
      runs.add(run("loopback", "hot", rep).partitions(sent(250, 250, 250, 250)).build());
      runs.add(run("kafka", "hot", rep).mode("container").partitions(sent(400, 300, 200, 100)).build());
      runs.add(run("kafka", "single", rep).mode("container").partitions(sent(1000)).build());
    }
    ResultsJson.write(dir, RunBuilder.document("partitions-fixture", Map.of(), runs));
    page = Jsoup.parse(ReportWriter.write(dir).toFile(), "UTF-8");
  }

  @Test
  void eachTargetShowsItsShareOfEveryPartitionAndTheHottest() {
    Element table = page.selectFirst("section.workload[data-workload=hot] table[data-table=partitions]");
    assertNotNull(table);
    assertEquals(List.of("target", "p0", "p1", "p2", "p3", "hottest"), table.select("thead th").eachText());
    Element kafka = table.selectFirst("tr[data-target=kafka]");
    assertEquals(List.of("40%", "30%", "20%", "10%"), kafka.select("td.partition-share").eachText());
    assertEquals("800 messages", kafka.selectFirst("td.partition-share").attr("title"), "summed over repetitions");
    assertEquals(1.6, Double.parseDouble(kafka.attr("data-hottest")), 1e-12);
    assertEquals(1.0, Double.parseDouble(table.selectFirst("tr[data-target=loopback]").attr("data-hottest")), 1e-12);
  }

  @Test
  void aWorkloadWithOnePartitionHasNoSection() {
    assertNull(page.selectFirst("section.workload[data-workload=single] table[data-table=partitions]"));
  }
}
