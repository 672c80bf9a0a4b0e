package io.brokerbench.report;

import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.OrderingRecord;
import io.brokerbench.results.ProcessResources;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.ResourcesRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Writes the fixed results folder of schema version 2 used as test data
 * ({@code src/test/resources/fixture-results-v2}): loopback, a transient queue-engine and a
 * persistent rabbitmq (so the two workloads warn that their targets ran at different guarantees),
 * three repetitions, two workloads:
 * <ul>
 *   <li>{@code steady-1kib}: 20,000 msg/s; rabbitmq stalls for 2 s in repetition 2, which leaves its
 *       producer behind (saturated, with the recorded reason);
 *   <li>{@code fanout-ttl}: a 3-subscription fan-out at 5,000 msg/s with a message TTL; rabbitmq's
 *       third subscription is slow, so messages expire there (removed, not lost) and, in repetition
 *       3, its backlog grows (saturated); loopback does not support TTL.
 * </ul>
 * Latency summaries are made from real HdrHistograms ({@link LatencyRecorder#summarize}), so they
 * carry histograms that merge; the last interval of each per-second series is partial. Seeded, so
 * the file is reproducible. The tests read the committed file, never this class; run it only to
 * regenerate the fixture:
 *
 * <pre>java -cp ... io.brokerbench.report.FixtureResultsV2Generator harness-report/src/test/resources/fixture-results-v2</pre>
 */
public final class FixtureResultsV2Generator {
  private static final int WARMUP_S = 5;
  private static final int MEASURE_S = 20;
  private static final double LAST_INTERVAL_S = 0.37;

  private final Random random = new Random(11);
  private Instant clock = Instant.parse("2026-12-03T09:15:02Z");

  public static void main(String[] args) throws Exception {
    ResultsJson.write(Path.of(args[0]), new FixtureResultsV2Generator().document());
  }

  ResultsDocument document() {
    Instant started = clock;
    List<RunResult> runs = new ArrayList<>();
    for (int rep = 1; rep <= 3; rep++) {
      for (String target : List.of("loopback", "queue-engine", "rabbitmq")) {
        for (String workload : List.of("steady-1kib", "fanout-ttl")) runs.add(run(target, workload, rep));
      }
    }
    var files = new LinkedHashMap<String, String>();
    files.put("scenarios/guarantees.yaml", """
        name: guarantees
        description: Loopback, a transient queue-engine and a persistent RabbitMQ; a steady stream and a fan-out with a TTL.
        repetitions: 3
        targets:
          - name: loopback
          - name: queue-engine
            settings: { durable: false }
          - name: rabbitmq
            settings: { provision: local, queueType: classic, persistent: true, messageTtl: 2s }
        workloads:
          - ref: ../workloads/steady-1kib.yaml
          - ref: ../workloads/fanout-ttl.yaml
        """);
    files.put("workloads/steady-1kib.yaml", """
        name: steady-1kib
        topology: { destinations: 1, partitions: 4, routing: direct }
        producers: { count: 4, rate: 20000/s, maxInFlight: 500 }
        messages: { size: 1KiB, keys: 64 }
        consumers: { subscriptions: 1, count: 4, prefetch: 200, ack: manual }
        warmup: 5s
        duration: 20s
        drainTimeout: 30s
        """);
    files.put("workloads/fanout-ttl.yaml", """
        name: fanout-ttl
        topology: { destinations: 1, partitions: 2, routing: fanout }
        producers: { count: 2, rate: 5000/s, maxInFlight: 1000 }
        messages: { size: 256B, keys: 16 }
        consumers: { subscriptions: 3, count: 2, prefetch: 500, ack: manual }
        warmup: 5s
        duration: 20s
        drainTimeout: 30s
        """);
    var scenario = new ScenarioRecord("guarantees",
        "Loopback, a transient queue-engine and a persistent RabbitMQ; a steady stream and a fan-out with a TTL.", files);
    var env = new EnvironmentRecord("0.1.0-SNAPSHOT", "2742e061c9d12ebd2406921cac3e278aff8901b2",
        "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15+6", "Linux 6.1.0-40-amd64 amd64", 2, 25_275_424_768L,
        81_604_378_624L, started.toString(), clock.toString());
    return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, "20261203-091502-5c2e", scenario, env, runs);
  }

  private static TargetInfoRecord info(String target) {
    return switch (target) {
      case "loopback" -> new TargetInfoRecord("loopback", "builtin", "embedded", ordered("capacity", "65536"),
          new GuaranteeRecord("received", 1, "none", "none", "in-memory hand-off, no broker", RunBuilder.IN_MEMORY.summary()));
      case "queue-engine" -> new TargetInfoRecord("queue-engine", "0.1.0-SNAPSHOT", "embedded",
          ordered("dataDirectory", "(none: transient)", "durable", "false", "fsync", "n/a (no message is persistent)",
              "fsyncPolicy", "n/a (no message is persistent)", "flowLimitBytes", "67108864"),
          new GuaranteeRecord("received", 1, "none", "none", "durable=false", RunBuilder.IN_MEMORY.summary()));
      default -> new TargetInfoRecord("rabbitmq", "4.1.4", "local",
          ordered("provision", "local", "queueType", "classic", "persistent", "true", "messageTtl", "2s",
              "deliveryLimit", "n/a (classic queues have no delivery limit)", "provision.chosen", "local",
              "local.amqp-port", "35672", "local.directory", "results/guarantees/targets/rabbitmq/rabbitmq-node"),
          new GuaranteeRecord("fsync", 1, "all-confirmed", "all-confirmed", "persistent=true, queueType=classic",
              RunBuilder.FSYNC.summary()));
    };
  }

  private RunResult run(String target, String workload, int rep) {
    Instant start = clock;
    boolean fanout = workload.equals("fanout-ttl");
    if (target.equals("loopback") && fanout) {
      clock = clock.plusMillis(30);
      return new RunResult(target, info(target), workload, rep, RunStatus.UNSUPPORTED,
          "loopback has no message TTL; workload fanout-ttl sets one (rabbitmq messageTtl)", start.toString(),
          clock.toString(), Map.of(), null, null, null, null, null, null);
    }
    boolean rabbit = target.equals("rabbitmq");
    boolean stall = rabbit && !fanout && rep == 2;
    int subscriptions = fanout ? 3 : 1;
    int size = fanout ? 256 : 1024;
    double offered = fanout ? 5_000 : 20_000;
    double jitter = 1 + (random.nextDouble() - 0.5) * 0.004;
    double confirmed = offered * (stall ? 0.93 : 0.9995) * jitter;
    long measured = Math.round(confirmed * MEASURE_S);
    long expiredOnSlowSubscription = rabbit && fanout ? 11_800 + random.nextInt(900) : 0;
    boolean backlogGrew = rabbit && fanout && rep == 3;

    List<SaturationRecord> saturation = new ArrayList<>();
    if (stall) {
      double lag = 1.42;
      saturation.add(new SaturationRecord("producer", 2, lag, 1.0, String.format(Locale.ROOT,
          "producer 2: %.2f s behind its schedule at the window's end (limit %.2f s)", lag, 1.0)));
    }
    if (backlogGrew) {
      long growth = 9_240;
      double offeredToIt = offered * MEASURE_S;
      saturation.add(new SaturationRecord("subscription", 2, growth, 0.05 * offeredToIt, String.format(Locale.ROOT,
          "subscription 2: backlog grew by %,d messages over the window, %.1f%% of the %,.0f offered to it (limit 5%%)",
          growth, 100.0 * growth / offeredToIt, offeredToIt)));
    }
    double consumedPerSub = confirmed * (fanout && rabbit ? 0.97 : 0.9998);
    double consumed = consumedPerSub * subscriptions - (fanout && rabbit ? expiredOnSlowSubscription / (double) MEASURE_S : 0);

    double setup = rabbit ? 1.3 + random.nextDouble() * 0.2 : 0.3 + random.nextDouble() * 0.1;
    double drain = 1.0 + random.nextDouble() * (stall ? 2 : 0.6);
    var phases = new LinkedHashMap<String, Double>();
    phases.put("warmup", round(setup, 2));
    phases.put("measure", round(setup + WARMUP_S, 2));
    phases.put("drain", round(setup + WARMUP_S + MEASURE_S, 2));
    phases.put("teardown", round(setup + WARMUP_S + MEASURE_S + drain, 2));
    int whole = (int) Math.floor(setup + WARMUP_S + MEASURE_S + drain);
    List<SecondSample> series = new ArrayList<>();
    for (int s = 0; s <= whole; s++) {
      double length = s == whole ? LAST_INTERVAL_S : 1.0;
      double from = s, to = s + length;
      double sending = Math.max(0, Math.min(to, setup + WARMUP_S + MEASURE_S) - Math.max(from, setup));
      String phase = s < setup + WARMUP_S ? "warmup" : s < setup + WARMUP_S + MEASURE_S ? "measure" : "drain";
      double dip = stall && s >= setup + WARMUP_S + 8 && s < setup + WARMUP_S + 10 ? 0.0 : 1.0;
      double rate = offered * dip * (1 + random.nextGaussian() * (target.equals("loopback") ? 0.003 : 0.015));
      long sent = Math.round(sending * offered);
      long conf = Math.round(sending * rate);
      double draining = phase.equals("drain") ? offered * 0.01 * length : 0;
      long cons = Math.round((sending * rate + draining) * subscriptions * (fanout && rabbit ? 0.97 : 1.0));
      series.add(new SecondSample(s, phase, length, sent, conf, cons));
    }

    long sentTotal = Math.round(offered * jitter * (WARMUP_S + MEASURE_S));
    List<SubscriptionLedger> subs = new ArrayList<>();
    RemovedRecord removed = RemovedRecord.NONE;
    for (int i = 0; i < subscriptions; i++) {
      RemovedRecord r = i == 2 ? new RemovedRecord(expiredOnSlowSubscription, 0, 0, 0) : RemovedRecord.NONE;
      removed = removed.plus(r);
      subs.add(new SubscriptionLedger(i, sentTotal, sentTotal - r.total(), 0, 0, 0, r, 0, 0));
    }
    long expected = sentTotal * subscriptions;
    var delivery = new DeliveryRecord(sentTotal, sentTotal, 0, expected, expected - removed.total(), 0, 0, 0, removed, 0,
        0, subs);
    var ordering = new OrderingRecord(expected - removed.total(), 0, 0, 0);

    double median = switch (target) {
      case "loopback" -> 4.2;
      case "queue-engine" -> fanout ? 210 : 46;
      default -> fanout ? 2_400 : 1_650;
    };
    LatencySummary publish = latency(measured, median * 0.6, 4.0, 0);
    LatencySummary endToEnd = latency(measured * subscriptions, median, 5.5, stall ? Math.round(confirmed * 2) : 0);
    var latency = new LatencyRecord(new LatencyPair(publish, publish), new LatencyPair(endToEnd, endToEnd));
    double cpu = switch (target) {
      case "loopback" -> 11.2;
      case "queue-engine" -> fanout ? 19.4 : 24.1;
      default -> fanout ? 14.9 : 18.3;
    } * jitter;
    var processes = new ArrayList<ProcessResources>();
    processes.add(new ProcessResources("harness", 51_204, round(cpu, 2), (long) (410 * jitter * 1024 * 1024)));
    if (rabbit) processes.add(new ProcessResources("target", 51_377, round(cpu * 1.6, 2), (long) (180 * jitter * 1024 * 1024)));
    var resources = new ResourcesRecord(processes, rabbit ? (long) (sentTotal * (size + 60) * 1.1) : -1);
    var throughput = new ThroughputRecord(offered, round(confirmed, 1), round(consumed, 1), round(confirmed * size, 1),
        round(consumed * size, 1), MEASURE_S, !saturation.isEmpty(), saturation, series);
    double total = setup + WARMUP_S + MEASURE_S + drain + 0.6;
    clock = clock.plusMillis((long) (total * 1000));
    return new RunResult(target, info(target), workload, rep, RunStatus.OK, null, start.toString(), clock.toString(),
        phases, throughput, latency, ordering, delivery, resources,
        "histograms/" + target + "-" + workload + "-" + rep + ".hlog");
  }

  /**
   * A latency summary of {@code count} values, log-normal-like around {@code medianMicros} with
   * p99 ≈ {@code tailRatio} × median; {@code stalled} further values spread evenly from 2 s down to
   * 0 (messages sent during a 2 s stall, each waiting for its end).
   */
  private LatencySummary latency(long count, double medianMicros, double tailRatio, long stalled) {
    Histogram h = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NANOS, 3);
    int buckets = 400;
    double sigma = Math.log(tailRatio) / 2.326;
    for (int i = 0; i < buckets; i++) {
      double z = inverseNormal((i + 0.5) / buckets);
      double micros = medianMicros * Math.exp(sigma * z) * (1 + random.nextDouble() * 0.02);
      h.recordValueWithCount(Math.max(1, Math.round(micros * 1000)), Math.max(1, count / buckets));
    }
    for (int i = 0; i < 200 && stalled > 0; i++) {
      h.recordValueWithCount(Math.round(2e9 * (200 - i) / 200), Math.max(1, stalled / 200));
    }
    return LatencyRecorder.summarize(h, 0, 0);
  }

  /** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
  private static double inverseNormal(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double q;
    if (p < 0.02425) {
      q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
      q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
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
