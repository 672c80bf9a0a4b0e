package io.brokerbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.OrderingRecord;
import io.brokerbench.results.ProcessResources;
import io.brokerbench.results.ResourcesRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.ScenarioRecord;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.results.TargetInfoRecord;
import io.brokerbench.results.ThroughputRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the fixed results folder of results schema version 1 used as test data, and kept as the
 * version-1 compatibility fixture ({@code src/test/resources/fixture-results}):
 * three targets (loopback and queue-engine embedded, rabbitmq external), two workloads, two
 * repetitions, with one failed, two unsupported and one saturated run. The figures are made up but
 * shaped like real ones (seeded, so the file is reproducible). The tests read the committed file,
 * never this class; run it only to regenerate the fixture:
 *
 * <pre>java -cp ... io.brokerbench.report.FixtureResultsGenerator harness-report/src/test/resources/fixture-results</pre>
 */
public final class FixtureResultsGenerator {
  /** The fixture is of schema version 1: no histograms, guarantees, saturation reasons or removed counts. */
  static final int SCHEMA_VERSION = 1;
  private static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999, 100};
  private static final int WARMUP_S = 5;
  private static final int MEASURE_S = 20;

  private final Random random = new Random(7);
  private Instant clock = Instant.parse("2026-11-27T02:05:12Z");

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    ResultsJson.write(folder, new FixtureResultsGenerator().document());
    JsonNode tree = ResultsJson.mapper().readTree(folder.resolve(ResultsJson.FILE_NAME).toFile());
    withoutFieldsNewInVersion2(tree);
    ResultsJson.writeAtomically(folder.resolve(ResultsJson.FILE_NAME), ResultsJson.mapper().writeValueAsBytes(tree));
  }

  /** Removes, at any depth, the fields schema version 2 added, so the file reads as version 1 wrote it. */
  private static void withoutFieldsNewInVersion2(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("histogram", "removed", "seconds", "windowSeconds", "saturation", "guarantee"));
    }
    node.forEach(FixtureResultsGenerator::withoutFieldsNewInVersion2);
  }

  ResultsDocument document() {
    Instant started = clock;
    List<RunResult> runs = new ArrayList<>();
    for (int rep = 1; rep <= 2; rep++) {
      for (String target : List.of("loopback", "queue-engine", "rabbitmq")) {
        for (String workload : List.of("steady-1kib", "fanout-max")) runs.add(run(target, workload, rep));
      }
    }
    var scenarioFiles = new LinkedHashMap<String, String>();
    scenarioFiles.put("scenarios/three-targets.yaml", """
        name: three-targets
        description: Loopback ceiling, the built-in queue engine and a real RabbitMQ on a steady stream and a fan-out.
        repetitions: 2
        targets:
          - name: loopback
          - name: queue-engine
            settings: { durable: true, fsync: batch }
          - name: rabbitmq
            settings: { provision: external, uri: "amqp://localhost:5672/%2f", queueType: classic }
        workloads:
          - workloads/steady-1kib.yaml
          - workloads/fanout-max.yaml
        """);
    scenarioFiles.put("workloads/steady-1kib.yaml", """
        name: steady-1kib
        topology: { destinations: 1, partitions: 4, routing: direct }
        producers: { count: 4, rate: 20000/s, maxInFlight: 500 }
        messages: { sizeBytes: 1024, keys: 64 }
        consumers: { subscriptions: 1, perSubscription: 4, prefetch: 200, ack: auto }
        warmup: 5s
        duration: 20s
        drainTimeout: 30s
        """);
    scenarioFiles.put("workloads/fanout-max.yaml", """
        name: fanout-max
        topology: { destinations: 1, partitions: 2, routing: fanout }
        producers: { count: 2, rate: max, maxInFlight: 1000 }
        messages: { sizeBytes: 256, keys: 16 }
        consumers: { subscriptions: 3, perSubscription: 2, prefetch: 500, ack: manual }
        warmup: 5s
        duration: 20s
        drainTimeout: 30s
        """);
    var scenario = new ScenarioRecord("three-targets",
        "Loopback ceiling, the built-in queue engine and a real RabbitMQ on a steady stream and a fan-out.", scenarioFiles);
    var env = new EnvironmentRecord("0.1.0-SNAPSHOT", "81c7d7c4e1b2a9f03d5c6e7f8a9b0c1d2e3f4a5b",
        "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15+6", "Linux 6.1.0-40-amd64 amd64", 2, 25_275_424_768L,
        81_604_378_624L, started.toString(), clock.toString());
    return new ResultsDocument(SCHEMA_VERSION, "20261127-020512-a3f9", scenario, env, runs);
  }

  private RunResult run(String target, String workload, int rep) {
    Instant start = clock;
    TargetInfoRecord info = switch (target) {
      case "loopback" -> new TargetInfoRecord("loopback", "0.1.0-SNAPSHOT", "embedded", ordered("capacity", "65536"), null);
      case "queue-engine" -> new TargetInfoRecord("queue-engine", "0.1.0-SNAPSHOT", "embedded",
          ordered("durable", "true", "fsync", "batch", "segmentBytes", "67108864", "dataDir", "targets/queue-engine"), null);
      default -> new TargetInfoRecord("rabbitmq", "4.1.4", "external",
          ordered("provision", "external", "uri", "amqp://localhost:5672/%2f", "queueType", "classic",
              "publisherConfirms", "true", "channelsPerProducer", "1"), null);
    };
    if (target.equals("loopback") && workload.equals("fanout-max")) {
      clock = clock.plusMillis(40);
      return new RunResult(target, info, workload, rep, RunStatus.UNSUPPORTED,
          "loopback hands each message to one reader; workload fanout-max asks for 3 subscriptions (routing fanout)",
          start.toString(), clock.toString(), Map.of(), null, null, null, null, null, null);
    }
    if (target.equals("rabbitmq") && workload.equals("steady-1kib") && rep == 2) {
      clock = clock.plusMillis(15_400);
      var phases = new LinkedHashMap<String, Double>();
      phases.put("warmup", 1.21);
      phases.put("measure", 6.21);
      return new RunResult(target, info, workload, rep, RunStatus.FAILED,
          "connection to localhost:5672 lost 14.2 s into the run: java.net.SocketException: Connection reset",
          start.toString(), clock.toString(), phases, null, null, null, null, null, null);
    }
    boolean fanout = workload.equals("fanout-max");
    int subscriptions = fanout ? 3 : 1;
    int size = fanout ? 256 : 1024;
    boolean saturated = target.equals("rabbitmq") && !fanout;
    double jitter = 1 + (random.nextDouble() - 0.5) * 0.06;
    double offered = fanout ? 0 : 20_000;
    double confirmed = switch (target) {
      case "loopback" -> 19_998.6;
      case "queue-engine" -> fanout ? 61_800 * jitter : 19_996.2;
      default -> fanout ? 28_400 * jitter : 16_420 * jitter;
    };
    if (fanout) offered = confirmed;
    double consumedPerSub = confirmed * (fanout ? 0.9994 : 0.99985);
    double consumed = consumedPerSub * subscriptions;

    double setup = target.equals("rabbitmq") ? 1.2 + random.nextDouble() * 0.2 : 0.3 + random.nextDouble() * 0.1;
    double drain = 1.0 + random.nextDouble() * (saturated ? 3 : 0.8);
    var phases = new LinkedHashMap<String, Double>();
    phases.put("warmup", round(setup, 2));
    phases.put("measure", round(setup + WARMUP_S, 2));
    phases.put("drain", round(setup + WARMUP_S + MEASURE_S, 2));
    phases.put("teardown", round(setup + WARMUP_S + MEASURE_S + drain, 2));
    double total = setup + WARMUP_S + MEASURE_S + drain + 0.6;

    List<SecondSample> series = new ArrayList<>();
    for (int s = 0; s < (int) Math.ceil(total); s++) {
      String phase = s < setup ? "warmup" : s < setup + WARMUP_S ? "warmup" : s < setup + WARMUP_S + MEASURE_S ? "measure" : "drain";
      double active = Math.max(0, Math.min(s + 1, setup + WARMUP_S + MEASURE_S) - Math.max(s, setup));
      double warm = s < setup + 2 ? 0.85 : 1.0;
      double rate = confirmed * warm * (1 + random.nextGaussian() * (target.equals("loopback") ? 0.004 : 0.025));
      long sent = Math.round(active * rate * (saturated ? 1.003 : 1.0));
      long conf = Math.round(active * rate);
      double tail = (s >= setup + WARMUP_S + MEASURE_S && s < setup + WARMUP_S + MEASURE_S + drain) ? confirmed * 0.02 : 0;
      long cons = Math.round((active * rate + tail) * subscriptions * 0.9998);
      series.add(new SecondSample(s, phase, 0, sent, conf, cons));
    }
    long sentTotal = Math.round(confirmed * (WARMUP_S + MEASURE_S));
    long failed = target.equals("rabbitmq") && fanout ? 0 : 0;
    long confirmedTotal = sentTotal - failed;
    long expected = confirmedTotal * subscriptions;
    long redelivered = target.equals("rabbitmq") && fanout ? 120 + random.nextInt(40) : 0;
    List<SubscriptionLedger> subs = new ArrayList<>();
    long redeliveredLeft = redelivered;
    for (int i = 0; i < subscriptions; i++) {
      long r = i == subscriptions - 1 ? redeliveredLeft : redelivered / subscriptions;
      redeliveredLeft -= r;
      subs.add(new SubscriptionLedger(i, confirmedTotal, confirmedTotal, r, 0, 0, null, 0, 0));
    }
    var delivery = new DeliveryRecord(sentTotal, confirmedTotal, failed, expected, expected, redelivered, 0, 0, null, 0, 0, subs);
    long checked = expected;
    var ordering = new OrderingRecord(checked, 0, 0, redelivered > 0 ? 14 + random.nextInt(5) : 0);

    long measured = Math.round(confirmed * MEASURE_S);
    LatencyRecord latency = switch (target) {
      case "loopback" -> pairs(measured, subscriptions, 3.1, 4.5, 3.4, 6.8, 4.6, 7.4, false);
      case "queue-engine" -> fanout
          ? pairs(measured, subscriptions, 31_000, 2.1, 31_000, 44_500, 2.3, 44_500, true)
          : pairs(measured, subscriptions, 38, 5.5, 41, 72, 5.8, 77, false);
      default -> fanout
          ? pairs(measured, subscriptions, 68_000, 2.6, 68_000, 95_000, 2.8, 95_000, true)
          : pairs(measured, subscriptions, 1_850, 5.3, 1_210_000, 2_600, 5.0, 1_260_000, false);
    };
    double harnessCpu = switch (target) {
      case "loopback" -> fanout ? 0 : 11.4;
      case "queue-engine" -> fanout ? 38.2 : 24.6;
      default -> fanout ? 16.8 : 9.1;
    } * jitter;
    long rss = (long) ((target.equals("queue-engine") ? 612 : 398) * jitter * 1024 * 1024);
    var processes = List.of(new ProcessResources("harness", 48_213, round(harnessCpu, 2), rss));
    long bytesWritten = target.equals("queue-engine") ? (long) (sentTotal * (size + 38) * 1.02) : -1;
    var resources = new ResourcesRecord(processes, bytesWritten);
    var throughput = new ThroughputRecord(round(offered, 1), round(confirmed, 1), round(consumed, 1),
        round(confirmed * size, 1), round(consumed * size, 1), 0, saturated, null, series);
    clock = clock.plusMillis((long) (total * 1000));
    return new RunResult(target, info, workload, rep, RunStatus.OK, null, start.toString(), clock.toString(), phases,
        throughput, latency, ordering, delivery, resources, "histograms/" + target + "-" + workload + "-" + rep + ".hlog");
  }

  private LatencyRecord pairs(
      long count, int subscriptions, double pubService, double pubTail, double pubResponse, double e2eService,
      double e2eTail, double e2eResponse, boolean maxRate) {
    double j = 1 + (random.nextDouble() - 0.5) * 0.08;
    var pubS = summary(count, pubService * j, pubTail);
    var pubR = maxRate ? pubS : summary(count, pubResponse * j, pubResponse > pubService * 10 ? 1.9 : pubTail * 1.05);
    var e2eS = summary(count * subscriptions, e2eService * j, e2eTail);
    var e2eR = maxRate ? e2eS : summary(count * subscriptions, e2eResponse * j, e2eResponse > e2eService * 10 ? 1.8 : e2eTail * 1.05);
    return new LatencyRecord(new LatencyPair(pubS, pubR), new LatencyPair(e2eS, e2eR));
  }

  /** A curve with p50 = {@code median} and p99 / p50 = {@code tailRatio}, steeper further out. */
  private LatencySummary summary(long count, double median, double tailRatio) {
    List<double[]> curve = new ArrayList<>();
    double[] values = new double[PERCENTILES.length];
    for (int i = 0; i < PERCENTILES.length; i++) {
      double p = PERCENTILES[i];
      double x = p == 100 ? 5.4 : -Math.log10(1 - p / 100);
      double u = (x - Math.log10(2)) / (2 - Math.log10(2));
      double v = median * Math.pow(tailRatio, u) * (1 + 0.12 * u * u);
      values[i] = round(v, v < 100 ? 2 : 1);
      curve.add(new double[] {p, values[i]});
    }
    double min = round(median * 0.31, 2);
    double mean = round(median * (1 + 0.09 * tailRatio), 2);
    return new LatencySummary(count, 0, 0, min, mean, values[0], values[2], values[3], values[4], values[6], values[8],
        values[11], curve, null);
  }

  private static Map<String, String> ordered(String... kv) {
    var m = new LinkedHashMap<String, String>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
