package io.brokerbench.report;

import static io.brokerbench.report.RunBuilder.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.metrics.Better;
import io.brokerbench.metrics.Metric;
import io.brokerbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The ★ rule: better than every other contender beyond the noise, never the reference, never with one repetition. */
class BestMarksTest {
  /** The ★ marks of one figure whose better direction is {@code better}; a null row has no figure there. */
  private static boolean[] column(Better better, Stats... rows) {
    Metric figure = switch (better) {
      case HIGHER -> Metric.CONFIRMED;
      case LOWER -> Metric.LOST;
      case NEITHER -> Metric.OFFERED;
    };
    List<Map<Metric, Stats>> table = new ArrayList<>();
    for (Stats s : rows) table.add(s == null ? Map.of() : Map.of(figure, s));
    List<java.util.Set<Metric>> best = BestMarks.mark(table);
    boolean[] out = new boolean[rows.length];
    for (int r = 0; r < rows.length; r++) out[r] = best.get(r).contains(figure);
    return out;
  }

  private static Stats of(double... values) {
    List<Double> list = new ArrayList<>();
    for (double v : values) list.add(v);
    return Stats.of(list);
  }

  @Test
  void marksTheValueWhoseIntervalClearsEveryOtherContender() {
    assertArrayEquals(new boolean[] {false, true, false},
        column(Better.HIGHER, of(90, 91, 92), of(100, 101, 102), of(80, 85, 90)));
    assertArrayEquals(new boolean[] {true, false}, column(Better.LOWER, of(10, 11, 12), of(20, 21, 22)), "lower is better");
  }

  @Test
  void overlappingIntervalsMarkNothingThoughTheMeansDiffer() {
    Stats a = of(95, 100, 105);
    Stats b = of(88, 92, 96);
    assertArrayEquals(new boolean[] {false, false}, column(Better.HIGHER, a, b));
    // Negative control: the means differ, so a rule that ranks means alone would mark a.
    assertTrue(a.mean() > b.mean());
    assertFalse(a.differsBeyondNoise(b));
  }

  @Test
  void beatingSomeContendersButNotAllMarksNothing() {
    Stats a = of(100, 101, 102);
    Stats close = of(99, 100.5, 102);
    Stats far = of(50, 51, 52);
    assertArrayEquals(new boolean[] {false, false, false}, column(Better.HIGHER, a, close, far));
    assertTrue(a.differsBeyondNoise(far), "a does beat far beyond the noise");
  }

  @Test
  void aSingleRepetitionMarksNothingInItsColumn() {
    assertArrayEquals(new boolean[] {false, false}, column(Better.HIGHER, of(1_000), of(1, 1, 1)));
    assertArrayEquals(new boolean[] {false, false}, column(Better.HIGHER, of(1_000, 1_000), of(1)));
  }

  @Test
  void anAbsentOrExcludedRowNeitherTakesNorBlocksTheMark() {
    assertArrayEquals(new boolean[] {true, false, false}, column(Better.HIGHER, of(100, 101), of(10, 11), null));
    assertArrayEquals(new boolean[] {false, false}, column(Better.HIGHER, of(100, 101), null), "one contender: nothing to rank");
    assertArrayEquals(new boolean[] {false, false}, column(Better.NEITHER, of(100, 101), of(10, 11)), "no better direction");
  }

  @Test
  void theLoopbackReferenceIsNeverMarkedAndIsShownAsTheReferenceRow() {
    List<RunResult> runs = new ArrayList<>();
    double[] spread = {-50, 0, 50};
    for (int rep = 1; rep <= 3; rep++) {
      runs.add(run("loopback", "steady", rep).rate(50_000 + spread[rep - 1]).build());
      runs.add(run("queue-engine", "steady", rep).rate(20_000 + spread[rep - 1]).build());
      runs.add(run("synthetic", "steady", rep).rate(10_000 + spread[rep - 1]).build());
    }
    Document page = RepetitionsReportTest.render(RunBuilder.document("ref", Map.of(), runs));
    assertEquals(List.of("queue-engine"), marked(page, "throughput.confirmedPerSec"));
    Element loopback = page.selectFirst("tr.target-row[data-target=loopback]");
    assertTrue(loopback.hasClass("reference-row"));
    assertTrue(loopback.text().contains("reference · not ranked"), loopback.text());
    assertTrue(page.selectFirst("[data-note=reference]").text().startsWith("loopback is the harness's own reference"));
    // Negative control: loopback is better than both contenders beyond the noise, so as a contender it would take the ★.
    Stats loop = Stats.of(List.of(49_950.0, 50_000.0, 50_050.0));
    Stats queue = Stats.of(List.of(19_950.0, 20_000.0, 20_050.0));
    assertTrue(loop.differsBeyondNoise(queue) && loop.mean() > queue.mean());
  }

  @Test
  void aTargetIsTheReferenceByItsProviderOrWhenItNeverOpenedByItsLabel() {
    assertTrue(TargetStyle.isReference("ceiling", "loopback"), "a loopback under another label");
    assertTrue(TargetStyle.isReference("loopback", null), "never opened");
    assertFalse(TargetStyle.isReference("loopback-like", "queue-engine"));
    List<RunResult> runs = List.of(run("ceiling", "steady", 1).provider("loopback").build());
    Document page = RepetitionsReportTest.render(RunBuilder.document("ref", Map.of(), runs));
    assertEquals("true", page.selectFirst("tr.target-row[data-target=ceiling]").attr("data-reference"));
  }

  @Test
  void withASingleRepetitionNothingIsMarkedAndThePageSaysWhy() {
    List<RunResult> runs = List.of(
        run("queue-engine", "steady", 1).rate(20_000).build(),
        run("synthetic", "steady", 1).rate(10_000).build());
    Document page = RepetitionsReportTest.render(RunBuilder.document("once", Map.of(), runs));
    assertTrue(page.select("td.best").isEmpty());
    String stars = page.selectFirst("[data-note=stars]").text();
    assertTrue(stars.startsWith("No ★") && stars.contains("single ok repetition"), stars);
    // Negative control: the same two targets with three repetitions each do get a ★.
    List<RunResult> repeated = new ArrayList<>();
    for (int rep = 1; rep <= 3; rep++) {
      repeated.add(run("queue-engine", "steady", rep).rate(20_000 + rep).build());
      repeated.add(run("synthetic", "steady", rep).rate(10_000 + rep).build());
    }
    Document repeatedPage = RepetitionsReportTest.render(RunBuilder.document("thrice", Map.of(), repeated));
    assertEquals(List.of("queue-engine"), marked(repeatedPage, "throughput.confirmedPerSec"));
    assertNotEquals(stars, repeatedPage.selectFirst("[data-note=stars]").text());
  }

  private static List<String> marked(Document page, String metric) {
    List<String> targets = new ArrayList<>();
    for (Element row : page.select("table[data-table=summary] tr.target-row")) {
      Element cell = row.selectFirst("td[data-metric=" + metric + "]");
      if (cell != null && cell.hasClass("best")) targets.add(row.attr("data-target"));
    }
    return targets;
  }
}
