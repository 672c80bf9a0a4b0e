package io.brokerbench.report;

import static io.brokerbench.report.RunBuilder.MS;
import static io.brokerbench.report.RunBuilder.run;
import static io.brokerbench.report.RunBuilder.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.ScenarioRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare judges like with like: every difference besides the figures is listed at the top, and the
 * figures it concerns are "not comparable" instead of better or worse. Each case changes one thing in
 * B and makes every end-to-end latency three times slower, so that a comparable figure would read
 * "worse"; each has a negative control where the same slowdown alone does read "worse".
 */
class CompareLikeWithLikeTest {
  private static final String STEADY = """
      name: steady
      producers: {count: 1, rate: 1000/s}   # the offered rate
      duration: 10s
      """;
  private static final String OTHER = """
      name: other
      producers: {count: 2, rate: 500/s}
      duration: 10s
      """;
  private static final LatencySummary SLOW = summary(Map.of(3 * MS, 10_000L));

  @TempDir Path dir;

  @Test
  void aSettingThatDiffersMakesThatTargetNotComparableAndLeavesTheOthersJudged() throws Exception {
    Path a = folder("a", base());
    Path b = folder("b", setup().rabbit(r -> r.setting("queueType", "quorum")).slower());
    CompareReport.Outcome outcome = CompareReport.write(a, b, dir.resolve("out.html"));
    Document page = page(outcome);

    Element difference = page.selectFirst("table[data-table=differences] tr[data-subject='rabbitmq · queueType']");
    assertEquals("true", difference.attr("data-blocking"));
    assertTrue(difference.text().contains("classic") && difference.text().contains("quorum"), difference.text());
    for (Element row : rows(page, "steady", "rabbitmq")) {
      assertEquals("not-comparable", row.attr("data-verdict"), row.attr("data-metric"));
      assertTrue(row.selectFirst("[data-reason]").text().contains("setting queueType differs"), row.text());
    }
    assertEquals("worse", row(page, "steady", "queue-engine", "latency.endToEnd.response.p99").attr("data-verdict"));
    assertTrue(outcome.worse().stream().allMatch(w -> w.contains("queue-engine")), outcome.worse().toString());
    assertEquals(8, outcome.worse().size(), "p50, p99, p99.9 and max of queue-engine, in both workloads");
    assertTrue(outcome.blockingDifferences().get(0).contains("queueType"), outcome.blockingDifferences().toString());

    // Negative control: the same slowdown without the setting change is worse for rabbitmq too.
    CompareReport.Outcome alone = CompareReport.write(a, folder("c", setup().slower()), dir.resolve("alone.html"));
    assertEquals("worse", row(page(alone), "steady", "rabbitmq", "latency.endToEnd.response.p99").attr("data-verdict"));
    assertTrue(alone.blockingDifferences().isEmpty());
  }

  @Test
  void aDifferentGuaranteeMakesThatTargetNotComparable() throws Exception {
    Document page = compare(base(), setup().rabbit(r -> r.guarantee(RunBuilder.IN_MEMORY)).slower());
    Element difference = page.selectFirst("table[data-table=differences] tr[data-kind=guarantee]");
    assertEquals("rabbitmq", difference.attr("data-subject"));
    assertTrue(difference.text().contains("confirmed after fsync") && difference.text().contains("when the broker received it"));
    assertEquals("not-comparable", row(page, "steady", "rabbitmq", "latency.endToEnd.response.p99").attr("data-verdict"));
    assertEquals("worse", row(page, "steady", "queue-engine", "latency.endToEnd.response.p99").attr("data-verdict"));
  }

  @Test
  void settingsThatOnlySayWhereARunTookPlaceAreListedButDoNotBlock() throws Exception {
    Document page = compare(base(), setup().rabbit(r -> r.setting("local.amqp-port", "35672")
        .setting("local.directory", "/tmp/b/rabbitmq-node")).slower());
    for (String subject : List.of("rabbitmq · local.amqp-port", "rabbitmq · local.directory")) {
      Element difference = page.selectFirst("table[data-table=differences] tr[data-subject='" + subject + "']");
      assertNotNull(difference, subject);
      assertEquals("false", difference.attr("data-blocking"));
    }
    assertEquals("worse", row(page, "steady", "rabbitmq", "latency.endToEnd.response.p99").attr("data-verdict"));
    assertTrue(Differences.isRunSpecific("cluster.id") && Differences.isRunSpecific("dataDirectory"));
    assertFalse(Differences.isRunSpecific("queueType") || Differences.isRunSpecific("fsync"), "negative control");
  }

  @Test
  void aValueThatDiffersOnlyByTheRunIdIsNoDifference() throws Exception {
    Path a = folder("a", base().rabbit(r -> r.setting("queue", "bb-run-a-q0")).document("run-a"));
    Path b = folder("b", setup().rabbit(r -> r.setting("queue", "bb-run-b-q0")).document("run-b"));
    Document page = page(CompareReport.write(a, b, dir.resolve("out.html")));
    assertNotNull(page.selectFirst("[data-differences=none]"), page.select("table[data-table=differences]").text());
  }

  @Test
  void aWorkloadDefinedDifferentlyMakesItsFiguresNotComparableAndSaysWhatDiffers() throws Exception {
    Document page = compare(base(), setup().steady(STEADY.replace("1000/s", "2000/s")).slower());
    Element difference = page.selectFirst("table[data-table=differences] tr[data-kind='workload definition']");
    assertEquals("steady", difference.attr("data-subject"));
    assertEquals(List.of("A: producers: {count: 1, rate: 1000/s}", "B: producers: {count: 1, rate: 2000/s}"),
        difference.select("ul.detail li").eachText());
    for (String target : List.of("queue-engine", "rabbitmq")) {
      assertTrue(rows(page, "steady", target).stream().allMatch(r -> r.attr("data-verdict").equals("not-comparable")));
      // Negative control: the other workload, defined alike, is judged.
      assertEquals("worse", row(page, "other", target, "latency.endToEnd.response.p99").attr("data-verdict"));
    }
  }

  @Test
  void commentsAndLayoutOfAWorkloadAreNoDifference() throws Exception {
    String relaidOut = "# steady, re-laid out\n" + STEADY.replace("1000/s}   # the offered rate", "1000/s}") + "\n\n";
    Document page = compare(base(), setup().steady(relaidOut));
    assertNotNull(page.selectFirst("[data-differences=none]"));
  }

  @Test
  void anotherMachineMakesEveryFigureNotComparableWhileAnotherCommitIsListedOnly() throws Exception {
    EnvironmentRecord e = RunBuilder.ENVIRONMENT;
    var fourCpus = new EnvironmentRecord(e.harnessVersion(), e.gitCommit(), e.jvm(), e.os(), 4, e.memoryBytes(),
        e.freeDiskBytes(), e.startedAt(), e.endedAt());
    Document other = compare(base(), setup().environment(fourCpus).slower());
    assertEquals("true", other.selectFirst("table[data-table=differences] tr[data-subject=CPUs]").attr("data-blocking"));
    List<String> verdicts = other.select("table[data-table=compare] tbody tr").eachAttr("data-verdict");
    assertFalse(verdicts.isEmpty());
    assertTrue(verdicts.stream().allMatch("not-comparable"::equals), verdicts.toString());

    var nextCommit = new EnvironmentRecord(e.harnessVersion(), "9f8e7d6c", e.jvm(), e.os(), e.cpus(), e.memoryBytes(),
        e.freeDiskBytes(), e.startedAt(), e.endedAt());
    Document code = compare(base(), setup().environment(nextCommit).slower());
    assertEquals("false", code.selectFirst("table[data-table=differences] tr[data-subject='git commit']").attr("data-blocking"));
    assertEquals("worse", row(code, "steady", "rabbitmq", "latency.endToEnd.response.p99").attr("data-verdict"));
  }

  @Test
  void aVersion1FolderAgainstAVersion2FolderIsNotComparableFigureByFigure() throws Exception {
    Path v1 = FixtureResults.copyTo(dir.resolve("v1"));
    Path v2 = FixtureResults.copyTo(dir.resolve("v2"));
    ObjectNode tree = (ObjectNode) FixtureResults.tree(v2);
    tree.put("schemaVersion", 2);
    Files.write(v2.resolve("results.json"), ResultsJson.mapper().writeValueAsBytes(tree));
    Document page = page(CompareReport.write(v1, v2, dir.resolve("out.html")));
    List<Element> rows = page.select("table[data-table=compare] tbody tr");
    assertTrue(rows.size() > 50, "every figure of five target × workload pairs: " + rows.size());
    for (Element row : rows) {
      assertEquals("not-comparable", row.attr("data-verdict"), row.attr("data-target") + " " + row.attr("data-metric"));
      assertTrue(row.selectFirst("[data-reason]").text().contains("results schema 1 vs 2"));
    }
    assertTrue(page.select("table[data-table=flagged] tbody tr").isEmpty(), "nothing is judged changed");
    // Negative control: the version-1 folder against itself is compared figure by figure.
    Document same = page(CompareReport.write(v1, v1, dir.resolve("same.html")));
    assertTrue(same.select("table[data-table=compare] tbody tr").eachAttr("data-verdict").stream()
        .noneMatch("not-comparable"::equals));
  }

  @Test
  void aVersion2FolderAgainstAVersion3FolderListsTheVersionAndComparesEveryFigure() throws Exception {
    Path v2 = FixtureResults.copyTo(dir.resolve("v2"));
    Path v3 = FixtureResults.copyTo(dir.resolve("v3"));
    for (var folder : Map.of(v2, 2, v3, 3).entrySet()) {
      ObjectNode tree = (ObjectNode) FixtureResults.tree(folder.getKey());
      tree.put("schemaVersion", folder.getValue());
      Files.write(folder.getKey().resolve("results.json"), ResultsJson.mapper().writeValueAsBytes(tree));
    }
    Document page = page(CompareReport.write(v2, v3, dir.resolve("out.html")));
    Element version = page.selectFirst("table[data-table=differences] tr[data-subject=schemaVersion]");
    assertNotNull(version, "the version difference is listed");
    assertEquals("false", version.attr("data-blocking"));
    assertTrue(page.select("table[data-table=compare] tbody tr").eachAttr("data-verdict").stream()
        .noneMatch("not-comparable"::equals), "figures keep their meaning from version 2 on");
  }

  // --- result sets ---------------------------------------------------------------------------------

  /** Three repetitions of queue-engine (embedded, in memory) and rabbitmq (local, fsync) on two workloads. */
  private static Setup base() {
    return new Setup();
  }

  private static Setup setup() {
    return new Setup();
  }

  private static final class Setup {
    private UnaryOperator<RunBuilder> queue = UnaryOperator.identity();
    private UnaryOperator<RunBuilder> rabbit = UnaryOperator.identity();
    private boolean slower;
    private String steady = STEADY;
    private EnvironmentRecord environment = RunBuilder.ENVIRONMENT;

    Setup rabbit(UnaryOperator<RunBuilder> change) {
      UnaryOperator<RunBuilder> before = rabbit;
      rabbit = r -> change.apply(before.apply(r));
      return this;
    }

    /** Every end-to-end latency 3 ms instead of 1 ms. */
    Setup slower() {
      slower = true;
      return this;
    }

    Setup steady(String text) {
      steady = text;
      return this;
    }

    Setup environment(EnvironmentRecord env) {
      environment = env;
      return this;
    }

    ResultsDocument document(String runId) {
      List<RunResult> runs = new ArrayList<>();
      double[] rate = {995, 1_000, 1_005};
      for (String workload : List.of("steady", "other")) {
        for (int rep = 1; rep <= 3; rep++) {
          RunBuilder q = run("queue-engine", workload, rep).setting("queue.durable", "false").rate(rate[rep - 1]);
          RunBuilder r = run("rabbitmq", workload, rep).mode("local").guarantee(RunBuilder.FSYNC)
              .setting("queueType", "classic").setting("local.amqp-port", "5672")
              .setting("local.directory", "/tmp/a/rabbitmq-node").rate(rate[rep - 1]);
          if (slower) {
            q.endToEnd(SLOW);
            r.endToEnd(SLOW);
          }
          runs.add(queue.apply(q).build());
          runs.add(rabbit.apply(r).build());
        }
      }
      Map<String, String> files = new LinkedHashMap<>();
      files.put("scenarios/s.yaml", "name: s\ntargets: [queue-engine, rabbitmq]\nworkloads:\n"
          + "  - ref: ../workloads/steady.yaml\n  - ref: ../workloads/other.yaml\n");
      files.put("workloads/steady.yaml", steady);
      files.put("workloads/other.yaml", OTHER);
      return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, runId, new ScenarioRecord("s", "", files), environment,
          runs);
    }
  }

  private Path folder(String name, Setup setup) throws Exception {
    return folder(name, setup.document("run-" + name));
  }

  private Path folder(String name, ResultsDocument document) throws Exception {
    Path folder = dir.resolve(name);
    ResultsJson.write(folder, document);
    return folder;
  }

  private Document compare(Setup a, Setup b) throws Exception {
    return page(CompareReport.write(folder("a", a), folder("b", b), dir.resolve("out.html")));
  }

  private static Document page(CompareReport.Outcome outcome) throws Exception {
    return Jsoup.parse(outcome.page().toFile(), "UTF-8");
  }

  private static List<Element> rows(Document page, String workload, String target) {
    List<Element> rows = page.select("section[data-workload=" + workload + "] table[data-table=compare] tr[data-target=" + target + "]");
    assertFalse(rows.isEmpty(), workload + " " + target);
    return rows;
  }

  private static Element row(Document page, String workload, String target, String metric) {
    return page.selectFirst("section[data-workload=" + workload + "] table[data-table=compare] tr[data-target=" + target
        + "][data-metric=" + metric + "]");
  }
}
