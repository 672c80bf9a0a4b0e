package io.brokerbench.app;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int bench(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  static final String WORKLOAD = """
      name: tiny
      topology: {destinations: 1, partitions: 2, routing: direct}
      producers: {count: 1, rate: 2000/s}
      messages: {size: 100B, keys: 4}
      consumers: {subscriptions: 1, count: 2}
      warmup: 200ms
      duration: 1s
      drainTimeout: 5s
      """;

  @Test
  void invalidScenarioExitsTwoWithFileLineAndStartsNothing() throws Exception {
    Path f = write("bad.yaml", "name: bad\ntragets: [loopback]\nworkloads: []\n");
    Path outDir = dir.resolve("out");
    assertEquals(2, bench("run", f.toString(), "--out", outDir.toString()));
    assertTrue(err.toString().contains(f + ":2:1:"), err.toString());
    assertTrue(err.toString().contains("did you mean 'targets'"), err.toString());
    assertFalse(Files.exists(outDir), "nothing may be written for invalid input");
  }

  @Test
  void validateReportsEveryBrokenFileAndExitsTwo() throws Exception {
    Path good = write("tiny.yaml", WORKLOAD);
    Path bad = write("neg.yaml", WORKLOAD.replace("2000/s", "-5/s"));
    assertEquals(0, bench("validate", good.toString()));
    assertEquals(2, bench("validate", good.toString(), bad.toString()));
    assertTrue(err.toString().startsWith(bad + ":3:"), err.toString());
  }

  @Test
  void unknownTargetInTargetsOptionIsInvalidInput() throws Exception {
    write("tiny.yaml", WORKLOAD);
    Path s = write("s.yaml", "name: s\ntargets: [loopback]\nworkloads: [{ref: tiny.yaml}]\n");
    assertEquals(2, bench("run", s.toString(), "--targets", "nope", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("nope"));
  }

  @Test
  void runWritesResultsWithEveryFieldForEveryRun() throws Exception {
    write("tiny.yaml", WORKLOAD);
    Path s = write("s.yaml", """
        name: s
        targets:
          - loopback
          - name: synthetic
            settings: {confirm.delay: 1ms, delivery.delay: 1ms}
        workloads: [{ref: tiny.yaml}]
        repetitions: 2
        """);
    Path outDir = dir.resolve("results");
    assertEquals(0, bench("run", s.toString(), "--out", outDir.toString()), err.toString());
    JsonNode doc = ResultsJson.mapper().readTree(outDir.resolve("results.json").toFile());
    assertEquals(ResultsDocument.SCHEMA_VERSION, doc.get("schemaVersion").asInt());
    assertTrue(Files.size(outDir.resolve("report.html")) > 10_000, "report.html written beside results.json");
    for (String key : List.of("runId", "scenario", "environment", "runs")) assertNotNull(doc.get(key), key);
    for (String key : List.of("harnessVersion", "gitCommit", "jvm", "os", "cpus", "memoryBytes", "freeDiskBytes", "startedAt", "endedAt")) {
      assertNotNull(doc.get("environment").get(key), key);
    }
    JsonNode runs = doc.get("runs");
    assertEquals(4, runs.size());
    // Interleaved: repetition 1 of both targets, then repetition 2.
    assertEquals(List.of("loopback:1", "synthetic:1", "loopback:2", "synthetic:2"),
        List.of(key(runs.get(0)), key(runs.get(1)), key(runs.get(2)), key(runs.get(3))));
    for (JsonNode run : runs) {
      assertEquals("ok", run.get("status").asText());
      for (String key : List.of("offeredPerSec", "confirmedPerSec", "consumedPerSec", "confirmedBytesPerSec",
          "consumedBytesPerSec", "windowSeconds", "saturated", "saturation", "series")) {
        assertNotNull(run.get("throughput").get(key), key);
      }
      for (String side : List.of("publish", "endToEnd")) {
        for (String kind : List.of("service", "response")) {
          JsonNode l = run.get("latency").get(side).get(kind);
          for (String key : List.of("count", "overflow", "min", "mean", "p50", "p90", "p95", "p99", "p999", "p9999", "max", "histogram")) {
            assertNotNull(l.get(key), side + "." + kind + "." + key);
          }
          assertTrue(l.get("count").asLong() > 1500, side + "." + kind + " count");
        }
      }
      for (String key : List.of("checked", "violations", "maxDistance", "redeliveryReorders")) assertNotNull(run.get("ordering").get(key));
      for (String key : List.of("sent", "confirmed", "expected", "delivered", "redelivered", "duplicates", "lost", "removed",
          "unexpected", "recovered", "bySubscription")) {
        assertNotNull(run.get("delivery").get(key), key);
      }
      assertEquals(0, run.get("delivery").get("lost").asLong());
      assertNotNull(run.get("targetInfo").get("guarantee").get("confirmedWhen"), "guarantee");
      assertTrue(run.get("resources").get("processes").get(0).get("cpuSeconds").asDouble() >= 0);
      assertTrue(Files.exists(outDir.resolve(run.get("histogramLog").asText())), "histogram log");
    }
  }

  @Test
  void reportOnAFolderWithoutResultsIsInvalidInputAndWritesNothing() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(2, bench("report", empty.toString()));
    assertTrue(err.toString().contains("results.json"), err.toString());
    assertFalse(Files.exists(empty.resolve("report.html")));
    Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
    Files.writeString(corrupt.resolve("results.json"), "{\"schemaVersion\": 1, \"runs\": [");
    assertEquals(2, bench("report", corrupt.toString()));
    assertFalse(Files.exists(corrupt.resolve("report.html")));
  }

  private static String key(JsonNode run) {
    return run.get("target").asText() + ":" + run.get("repetition").asInt();
  }

  @Test
  void anIllFormedTargetSettingIsInvalidInputAtItsLine() throws Exception {
    write("tiny.yaml", WORKLOAD);
    Path s = write("s.yaml", """
        name: s
        targets:
          - name: synthetic
            settings: {confirm.delay: "uniform(oops)"}
        workloads: [{ref: tiny.yaml}]
        """);
    assertEquals(2, bench("run", s.toString(), "--out", dir.resolve("results").toString()));
    assertTrue(err.toString().contains(s + ":4:"), err.toString());
    assertTrue(err.toString().contains("confirm.delay"), err.toString());
  }

  @Test
  void aSettingUnderItsOldNameIsInvalidInputAtItsLineNamingTheNewOne() throws Exception {
    write("tiny.yaml", WORKLOAD);
    Path s = write("s.yaml", """
        name: s
        targets:
          - name: synthetic
            settings:
              dropEvery: 7
        workloads: [{ref: tiny.yaml}]
        """);
    assertEquals(2, bench("validate", s.toString()));
    assertTrue(err.toString().contains(s + ":5:"), err.toString());
    assertTrue(err.toString().contains("setting 'dropEvery' was renamed: write drop.every: 7"), err.toString());
  }

  @Test
  void aTargetThatFailsDoesNotHideTheOthers() throws Exception {
    write("tiny.yaml", WORKLOAD);
    Path s = write("s.yaml", """
        name: s
        targets:
          - name: rabbitmq
            settings: {provision: external, uri: "amqp://guest:guest@127.0.0.1:1"}
          - loopback
        workloads: [{ref: tiny.yaml}]
        """);
    Path outDir = dir.resolve("results");
    assertEquals(1, bench("run", s.toString(), "--out", outDir.toString()));
    JsonNode runs = ResultsJson.mapper().readTree(outDir.resolve("results.json").toFile()).get("runs");
    assertEquals("failed", runs.get(0).get("status").asText());
    assertTrue(runs.get(0).get("error").asText().contains("127.0.0.1"), runs.get(0).get("error").asText());
    assertEquals("ok", runs.get(1).get("status").asText());
  }

  /** A loopback run with two repetitions, copied to B with every end-to-end p99 set to {@code p99B} (A's set to 1,000 µs). */
  private Path[] comparedFolders(String name, double p99B, java.util.function.Consumer<ObjectNode> changeB) throws Exception {
    write("tiny.yaml", WORKLOAD);
    Path s = write("s.yaml", "name: s\ntargets: [loopback]\nworkloads: [{ref: tiny.yaml}]\nrepetitions: 2\n");
    Path a = dir.resolve(name + "-a");
    assertEquals(0, bench("run", s.toString(), "--out", a.toString()), err.toString());
    rewrite(a, tree -> setEndToEndP99(tree, 1_000));
    Path b = Files.createDirectories(dir.resolve(name + "-b"));
    Files.copy(a.resolve("results.json"), b.resolve("results.json"));
    rewrite(b, tree -> {
      setEndToEndP99(tree, p99B);
      changeB.accept(tree);
    });
    out.getBuffer().setLength(0);
    return new Path[] {a, b};
  }

  /** Every repetition alike, so the figure has no noise and any change is beyond it. */
  private static void setEndToEndP99(ObjectNode tree, double micros) {
    for (JsonNode run : tree.get("runs")) ((ObjectNode) run.at("/latency/endToEnd/response")).put("p99", micros);
  }

  private static void rewrite(Path folder, java.util.function.Consumer<ObjectNode> change) throws Exception {
    ObjectNode tree = (ObjectNode) ResultsJson.mapper().readTree(folder.resolve("results.json").toFile());
    change.accept(tree);
    Files.write(folder.resolve("results.json"), ResultsJson.mapper().writeValueAsBytes(tree));
  }

  @Test
  void compareWithFailOnWorseExitsOneOnlyWhenAComparableFigureGotWorse() throws Exception {
    Path[] worse = comparedFolders("worse", 5_000, tree -> {});
    assertEquals(0, bench("compare", worse[0].toString(), worse[1].toString()), "without the option: " + err);
    assertTrue(out.toString().contains("1 comparable figure(s) worse beyond the noise:"), out.toString());
    assertTrue(out.toString().contains("tiny · loopback · End-to-end response time p99 (µs): 1,000 → 5,000"), out.toString());
    assertTrue(Files.exists(worse[1].resolve("compare.html")));
    assertEquals(1, bench("compare", worse[0].toString(), worse[1].toString(), "--fail-on-worse"), err.toString());

    // Negative control: the same folders with B's p99 unchanged pass the gate.
    Path[] same = comparedFolders("same", 1_000, tree -> {});
    assertEquals(0, bench("compare", same[0].toString(), same[1].toString(), "--fail-on-worse"), err.toString());
    assertTrue(out.toString().contains("0 comparable figure(s) worse beyond the noise"), out.toString());
  }

  @Test
  void compareWithFailOnWorseIgnoresFiguresThatAreNotComparable() throws Exception {
    Path[] setting = comparedFolders("setting", 5_000,
        tree -> tree.get("runs").forEach(run -> ((ObjectNode) run.at("/targetInfo/settings")).put("capacity", "1024")));
    assertEquals(0, bench("compare", setting[0].toString(), setting[1].toString(), "--fail-on-worse"), err.toString());
    assertTrue(out.toString().contains("not comparable, because A and B differ in:"), out.toString());
    assertTrue(out.toString().contains("target setting loopback · capacity"), out.toString());

    Path[] schema = comparedFolders("schema", 5_000, tree -> {});
    rewrite(schema[0], tree -> tree.put("schemaVersion", 1));
    assertEquals(0, bench("compare", schema[0].toString(), schema[1].toString(), "--fail-on-worse"), err.toString());
    assertTrue(out.toString().contains("results schema schemaVersion: 1 → " + ResultsDocument.SCHEMA_VERSION), out.toString());
  }

  @Test
  void compareDocumentsItsExitCodesAndRefusesAFolderWithoutResults() throws Exception {
    assertEquals(2, bench("compare"));
    for (String line : List.of("--fail-on-worse", "Exit codes:", "0   the comparison was written", "1   with --fail-on-worse",
        "2   invalid input")) {
      assertTrue(err.toString().contains(line), line + " in:\n" + err);
    }
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(2, bench("compare", empty.toString(), empty.toString(), "--fail-on-worse"));
    assertFalse(Files.exists(empty.resolve("compare.html")));
  }
}
