package io.brokerbench.report;

import static io.brokerbench.report.RunBuilder.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import java.nio.file.Files;
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
 * The consumers section and the imbalance column: shown for a workload where some subscription had
 * several consumers, with hand-computed shares and imbalances; absent where every subscription had
 * one consumer, and for results without per-consumer records.
 */
class ConsumersReportTest {
  @TempDir Path dir;
  private Document page;

  /**
   * Four targets × two repetitions of "competing" (four consumers on one queue), and "steady" with one
   * consumer per subscription. Imbalance (busiest ÷ mean, largest over subscriptions), by hand:
   * loopback 1.0 and 1.0004; queue-engine 4000/2500 = 1.6 and 1.0 (mean 1.3); rabbitmq 7000/2500 = 2.8
   * and 5500/2500 = 2.2 (its second subscription [5000, 5000] is even; mean 2.5); kafka 10000/2500 =
   * 4.0 and 5000/2500 = 2.0 (mean 3.0).
   */
  static ResultsDocument document() {
    List<RunResult> runs = new ArrayList<>();
    runs.add(competing("loopback", 1, null, sub(0, 2500, 2500, 2500, 2500)));
    // Nearly even: 2501 ÷ 2500 reads 1.00, so no consumer is marked busiest.
    runs.add(competing("loopback", 2, null, sub(0, 2501, 2500, 2500, 2499)));
    runs.add(competing("queue-engine", 1, 64, sub(0, 4000, 3000, 2000, 1000)));
    runs.add(competing("queue-engine", 2, 64, sub(0, 2500, 2500, 2500, 2500)));
    List<ConsumerRecord> rabbit1 = new ArrayList<>(sub(0, 7000, 1000, 1000, 1000));
    rabbit1.addAll(sub(1, 5000, 5000));
    List<ConsumerRecord> rabbit2 = new ArrayList<>(sub(0, 5500, 1500, 1500, 1500));
    rabbit2.addAll(sub(1, 5000, 5000));
    runs.add(run("rabbitmq", "competing", 1).mode("container").subscriptions(2).consumers(withUnacked(rabbit1, 250)).build());
    runs.add(run("rabbitmq", "competing", 2).mode("container").subscriptions(2).consumers(withUnacked(rabbit2, 250)).build());
    runs.add(competing("kafka", 1, null, sub(0, 10000, 0, 0, 0)));
    runs.add(competing("kafka", 2, null, sub(0, 5000, 5000, 0, 0)));
    for (String target : List.of("loopback", "queue-engine", "rabbitmq", "kafka")) {
      for (int rep = 1; rep <= 2; rep++) runs.add(run(target, "steady", rep).consumers(sub(0, 10000)).build());
    }
    return RunBuilder.document("consumers-fixture", Map.of(), runs);
  }

  private static RunResult competing(String target, int rep, Integer unacked, List<ConsumerRecord> records) {
    RunBuilder b = run(target, "competing", rep);
    if (!target.equals("loopback") && !target.equals("queue-engine")) b.mode("container");
    return b.consumers(withUnacked(records, unacked)).build();
  }

  /** Consumers of subscription {@code s} with these deliveries; some redelivered and rejected, busy in proportion. */
  private static List<ConsumerRecord> sub(int s, long... deliveries) {
    List<ConsumerRecord> out = new ArrayList<>();
    for (int c = 0; c < deliveries.length; c++) {
      long d = deliveries[c];
      out.add(new ConsumerRecord(s, c, d, d / 200, c == 0 ? d / 1000 : 0, Math.min(0.97, 0.08 + d / 11000.0), null));
    }
    return out;
  }

  private static List<ConsumerRecord> withUnacked(List<ConsumerRecord> records, Integer most) {
    return records.stream().map(r -> new ConsumerRecord(r.subscription(), r.consumer(), r.deliveries(), r.redelivered(),
        r.rejected(), r.busyShare(), most == null ? null : most - 10 * r.consumer())).toList();
  }

  @BeforeEach
  void writeReport() throws Exception {
    ResultsJson.write(dir, document());
    page = Jsoup.parse(ReportWriter.write(dir).toFile(), "UTF-8");
  }

  @Test
  void aWorkloadWithSeveralConsumersShowsOneTablePerTargetWithEachConsumer() {
    Element section = workload("competing");
    assertEquals(List.of("loopback", "queue-engine", "rabbitmq", "kafka"),
        section.select("figure.consumers").eachAttr("data-consumers-for"));
    Element rabbit = section.selectFirst("table[data-table=consumers][data-target=rabbitmq]");
    // Two repetitions × (four consumers of subscription 0 + two of subscription 1).
    assertEquals(12, rabbit.select("tr.consumer-row").size());
    assertEquals(List.of("0", "1", "0", "1"), rabbit.select("tr.consumer-group").eachAttr("data-subscription"));
    Element first = rabbit.selectFirst("tr.consumer-row[data-repetition=1][data-subscription=0][data-consumer=0]");
    assertEquals("7,000", first.selectFirst("td[data-metric=consumers[0].deliveries] .v").text());
    assertEquals("70%", first.selectFirst("td.share-cell .share-text").text(), "7000 of 10000");
    assertEquals("70.00", first.selectFirst("td.share-cell").attr("data-share"));
    assertTrue(first.hasClass("busiest"));
    assertEquals(List.of(), section.select("table[data-target=loopback] tr.busiest").eachAttr("data-consumer"),
        "an even spread, or one that reads 1.00, has no busiest consumer");
    assertEquals("35", first.selectFirst("td[data-metric=consumers[0].redelivered] .v").text());
    assertEquals("7", first.selectFirst("td[data-metric=consumers[0].rejected] .v").text());
    assertEquals("250", first.selectFirst("td[data-metric=consumers[0].mostUnacknowledged] .v").text());
    assertEquals("10%", rabbit.selectFirst("tr.consumer-row[data-repetition=1][data-consumer=1] .share-text").text());
  }

  @Test
  void eachSubscriptionAndTargetCarriesItsHandComputedImbalance() {
    Element section = workload("competing");
    Element rabbit = section.selectFirst("table[data-table=consumers][data-target=rabbitmq]");
    assertEquals(2.8, value(rabbit.selectFirst("tr.consumer-group[data-repetition=1][data-subscription=0]"), "data-imbalance"));
    assertEquals(1.0, value(rabbit.selectFirst("tr.consumer-group[data-repetition=1][data-subscription=1]"), "data-imbalance"));
    assertEquals(2.2, value(rabbit.selectFirst("tr.consumer-group[data-repetition=2][data-subscription=0]"), "data-imbalance"));
    // loopback: (1.0 + 2501 ÷ 2500) ÷ 2 = 1.0002.
    Map<String, Double> expected = Map.of("loopback", 1.0002, "queue-engine", 1.3, "rabbitmq", 2.5, "kafka", 3.0);
    expected.forEach((target, mean) -> {
      Element figure = section.selectFirst("figure[data-consumers-for=" + target + "] .imbalance-figure");
      assertEquals("consumers.imbalance", figure.attr("data-metric"));
      assertEquals(mean, value(figure, "data-value"), 1e-12, target);
      Element cell = section.selectFirst("tr.target-row[data-target=" + target + "] td[data-metric=consumers.imbalance]");
      assertNotNull(cell, "the summary has the imbalance column: " + target);
      assertEquals(mean, value(cell, "data-value"), 1e-12, target);
    });
    assertEquals("1.30", section.selectFirst("tr.target-row[data-target=queue-engine] td[data-metric=consumers.imbalance] .v").text());
    // Averaging over subscriptions would give rabbitmq (1.9 + 1.6) ÷ 2 = 1.75, not 2.5.
    assertTrue(section.select("table[data-table=summary] thead").text().contains("Consumers"));
  }

  @Test
  void mostUnacknowledgedIsADashWithANoteWhereTheTargetCannotTell() {
    Element section = workload("competing");
    Element kafka = section.selectFirst("figure[data-consumers-for=kafka]");
    assertEquals("–", kafka.selectFirst("td[data-metric=consumers[0].mostUnacknowledged] .v").text());
    assertEquals("", kafka.selectFirst("td[data-metric=consumers[0].mostUnacknowledged]").attr("data-value"));
    assertTrue(kafka.selectFirst("p[data-note=unacknowledged-unknown]").text().contains("cannot count what its client buffers"));
    assertNull(section.selectFirst("figure[data-consumers-for=rabbitmq] p[data-note=unacknowledged-unknown]"),
        "rabbitmq counted its unacknowledged deliveries");
  }

  @Test
  void oneConsumerPerSubscriptionHasNoSectionAndNoImbalanceColumn() {
    Element steady = workload("steady");
    assertTrue(steady.select("figure.consumers").isEmpty());
    assertTrue(steady.select("[data-metric=consumers.imbalance]").isEmpty());
    assertFalse(steady.select("table[data-table=summary] thead").text().contains("Consumers"));
    assertEquals(ReportModel.SUMMARY_METRICS.size(),
        steady.selectFirst("tr.target-row[data-target=kafka]").select("td[data-metric]").size());
  }

  @Test
  void resultsWithoutPerConsumerRecordsHaveNoSection() throws Exception {
    Path folder = FixtureResults.copyV2To(dir.resolve("v2"));
    Document v2 = Jsoup.parse(ReportWriter.write(folder).toFile(), "UTF-8");
    assertFalse(v2.select("section.workload").isEmpty());
    assertTrue(v2.select("figure.consumers").isEmpty());
    assertTrue(v2.select("td[data-metric=consumers.imbalance]").isEmpty());
  }

  @Test
  void compareListsTheImbalanceWhereBothSidesHaveIt() throws Exception {
    Path b = Files.createDirectories(dir.resolve("b"));
    ResultsJson.write(b, document());
    Path out = dir.resolve("compare.html");
    CompareReport.write(dir, b, out);
    Document compare = Jsoup.parse(out.toFile(), "UTF-8");
    assertEquals(4, compare.select("section[data-workload=competing] tr[data-metric=consumers.imbalance]").size());
    assertTrue(compare.select("section[data-workload=steady] tr[data-metric=consumers.imbalance]").isEmpty(),
        "one consumer per subscription: no imbalance on either side, no row");
  }

  @Test
  void theGlossaryDefinesTheImbalance() {
    String glossary = page.getElementById("glossary").text();
    assertTrue(glossary.contains("imbalance (×)"), glossary);
    assertTrue(glossary.contains("busiest consumer's deliveries ÷ the mean"), glossary);
  }

  /** Writes the fixture's results and report to target/consumers-report, to look at in a browser. */
  @Test
  void writesAReportToLookAt() throws Exception {
    Path out = Files.createDirectories(Path.of("target", "consumers-report"));
    ResultsJson.write(out, document());
    assertTrue(Files.size(ReportWriter.write(out)) > 0);
  }

  private Element workload(String name) {
    Element section = page.selectFirst("section.workload[data-workload=" + name + "]");
    assertNotNull(section, name);
    return section;
  }

  private static double value(Element e, String attribute) {
    return Double.parseDouble(e.attr(attribute));
  }
}
