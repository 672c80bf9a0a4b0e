package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.metrics.Metric;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.OrderingRecord;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
import io.brokerbench.results.TargetInfoRecord;
import io.brokerbench.results.ThroughputRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console summary at the end of a run: removed beside lost, saturation reasons, guarantees. */
class SummaryTableTest {
  private static final GuaranteeRecord IN_MEMORY = new GuaranteeRecord("received", 1, "none", "none", "",
      "confirmed when the broker received it; broker kill: nothing survives; power loss: nothing survives");
  private static final GuaranteeRecord FSYNC = new GuaranteeRecord("fsync", 1, "all-confirmed", "all-confirmed", "",
      "confirmed after fsync; broker kill: every confirmed message survives; power loss: every confirmed message survives");
  private static final String PRODUCER_BEHIND = "producer 1: 2.50 s behind its schedule at the window's end (limit 1.00 s)";

  private static RunResult run(String target, String workload, GuaranteeRecord guarantee, long lost, long expired,
      List<SaturationRecord> saturation) {
    var latency = new LatencySummary(100, 0, 0, 10, 20, 20, 30, 40, 50, 60, 70, 80, List.of(), null);
    var removed = new RemovedRecord(expired, 0, 0, 0);
    return new RunResult(target, new TargetInfoRecord(target, "1", "embedded", Map.of(), guarantee), workload, 1,
        RunStatus.OK, null, "", "", Map.of(),
        new ThroughputRecord(1_000, 1_000, 1_000, 0, 0, 10, !saturation.isEmpty(), saturation, List.of()),
        new LatencyRecord(new LatencyPair(latency, latency), new LatencyPair(latency, latency)),
        new OrderingRecord(100, 0, 0, 0),
        new DeliveryRecord(10_000, 10_000, 0, 10_000, 10_000 - lost - expired, 0, 0, lost, removed, 0, 0, List.of()),
        null, null);
  }

  private static String print(RunResult... runs) {
    StringWriter text = new StringWriter();
    SummaryTable.print(new PrintWriter(text, true), new ResultsDocument(2, "r", null, null, List.of(runs)));
    return text.toString();
  }

  @Test
  void showsRemovedBesideLostAndTheReasonsOfEachSaturatedRun() {
    String text = print(
        run("rabbitmq", "ttl", FSYNC, 3, 1_234, List.of(new SaturationRecord("producer", 1, 2.5, 1.0, PRODUCER_BEHIND))),
        run("queue-engine", "ttl", FSYNC, 0, 0, List.of()));
    String rabbitRow = text.lines().filter(l -> l.startsWith("rabbitmq")).findFirst().orElseThrow();
    assertTrue(rabbitRow.matches(".* ok\\* .* 3 +1,234 .*"), rabbitRow);
    assertTrue(text.contains("  rabbitmq ttl rep 1: " + PRODUCER_BEHIND), text);
    assertTrue(text.contains("* saturated: at a fixed rate, some producer or subscription could not keep up"), text);
    assertFalse(text.contains("5% short of the offered rate"), "the old definition is gone");
  }

  @Test
  void showsEachTargetsGuaranteeAndWarnsOnlyWhereTheyDiffer() {
    String text = print(
        run("queue-engine", "steady", IN_MEMORY, 0, 0, List.of()),
        run("rabbitmq", "steady", FSYNC, 0, 0, List.of()),
        run("loopback", "durable", IN_MEMORY, 0, 0, List.of()),
        run("queue-engine", "durable", FSYNC, 0, 0, List.of()),
        run("rabbitmq", "durable", FSYNC, 0, 0, List.of()));
    assertTrue(text.contains("  loopback: confirmed when the broker received it;"), text);
    assertTrue(text.contains("  rabbitmq: confirmed after fsync;"), text);
    assertTrue(text.contains("warning: workload steady: targets ran at different guarantees"), text);
    assertFalse(text.contains("warning: workload durable"), "same guarantee among the contenders, no warning: " + text);
  }

  @Test
  void columnsComeFromTheMetricCatalogAndLineUpWithTheirHeaders() {
    String text = print(run("queue-engine", "steady", FSYNC, 7, 0, List.of()));
    List<String> lines = text.lines().toList();
    String header = lines.get(0);
    String row = lines.get(2);
    for (Metric m : SummaryTable.FIGURES) {
      int end = header.indexOf(m.compactLabel()) + m.compactLabel().length();
      assertTrue(end >= m.compactLabel().length(), "header names " + m.id() + ": " + header);
      String cell = row.substring(0, end).replaceAll(".* ", "");
      assertEquals(m.unit().compact(m.of(run("queue-engine", "steady", FSYNC, 7, 0, List.of()))), cell, m.id());
    }
    assertTrue(header.contains("e2e p99"), header);
    assertTrue(row.contains("20us"), "latencies in the console's compact form: " + row);
  }
}
