package io.brokerbench.adapter.kafka;

import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.AckMode;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProducer;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A rough look at throughput and latency of target kafka against the shared local broker, printed,
 * never asserted (the harness's runner measures properly). Runs only with
 * {@code -Dbrokerbench.kafka.quickbench=true}. Producer, consumer and broker share the machine's
 * cores, so the figures are lower bounds for a dedicated broker.
 *
 * <p>Phase 1 sends as fast as 10,000 in-flight confirms allow; phase 2 sends at a fixed rate with
 * {@code linger 0} and records end-to-end time from the actual send (service time).
 */
class KafkaQuickBenchIT {
  private static final int SIZE = 100;

  @Test
  void printsThroughputAndLatency() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("brokerbench.kafka.quickbench"), "quick bench not requested");
    run("max rate, acks=all, linger 5ms, 4 partitions", Map.of(), 300_000, 0);
    run("fixed 1000/s, acks=all, linger 0ms, 4 partitions", Map.of("producer.linger", "0ms"), 10_000, 1_000);
    run("fixed 5000/s, acks=all, linger 0ms, 4 partitions", Map.of("producer.linger", "0ms"), 50_000, 5_000);
  }

  private void run(String label, Map<String, ?> extra, int messages, int ratePerSec) throws Exception {
    String runId = KafkaTargetIT.runId();
    Map<String, Object> settings = new HashMap<>(extra);
    settings.put("provision", "external");
    settings.put("bootstrap.servers", SharedLocalKafka.bootstrapServers());
    TopologyPlan plan = KafkaTargetIT.plan(runId, Routing.FANOUT, 4, List.of(Binding.ofKeys(List.of())), 2, AckMode.AUTO, List.of(""));
    Recorder confirmNanos = new Recorder(3);
    Recorder endToEndNanos = new Recorder(3);
    AtomicLong consumed = new AtomicLong();
    AtomicLong lastConsumedAt = new AtomicLong();
    try (KafkaTarget target = (KafkaTarget) new KafkaTargetProvider().create(
        new TargetContext(runId, SharedLocalKafka.buildDirectory("kafka-bench"), System::nanoTime, l -> { }),
        Settings.of(KafkaTargetSettings.specs(), settings))) {
      target.open();
      target.declare(plan);
      for (int c = 0; c < 2; c++) {
        target.createConsumer(new ConsumerSpec(0, c, 500, AckMode.AUTO), d -> {
          long now = System.nanoTime();
          endToEndNanos.recordValue(Math.max(0, now - ByteBuffer.wrap(d.payload()).getLong(8)));
          consumed.incrementAndGet();
          lastConsumedAt.set(now);
        });
      }
      Semaphore inFlight = new Semaphore(10_000);
      byte[][] keys = new byte[plan.keys()][];
      for (int k = 0; k < keys.length; k++) keys[k] = io.brokerbench.plan.KafkaPartitioner.keyBytes(k);
      long intervalNanos = ratePerSec == 0 ? 0 : 1_000_000_000L / ratePerSec;
      try (TargetProducer producer = target.createProducer(0)) {
        long start = System.nanoTime();
        for (long id = 0; id < messages; id++) {
          if (intervalNanos > 0) {
            long slot = start + id * intervalNanos;
            for (long wait = slot - System.nanoTime(); wait > 0; wait = slot - System.nanoTime()) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
          }
          inFlight.acquire();
          int key = (int) (id % keys.length);
          byte[] payload = new byte[SIZE];
          long sentAt = System.nanoTime();
          ByteBuffer.wrap(payload).putLong(id).putLong(sentAt);
          producer.send(new OutgoingMessage(0, plan.partitionOfKey(key), keys[key], "", Map.of(), payload))
              .whenComplete((v, e) -> {
                confirmNanos.recordValue(System.nanoTime() - sentAt);
                inFlight.release();
              });
        }
        inFlight.acquire(10_000);
        long confirmedAt = System.nanoTime();
        long deadline = confirmedAt + TimeUnit.SECONDS.toNanos(60);
        while (consumed.get() < messages && System.nanoTime() < deadline) Thread.sleep(5);
        double sendSeconds = (confirmedAt - start) / 1e9;
        double consumeSeconds = (lastConsumedAt.get() - start) / 1e9;
        Histogram confirm = confirmNanos.getIntervalHistogram();
        Histogram e2e = endToEndNanos.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "%s: %d x %dB: confirmed %.0f msg/s, consumed %.0f msg/s (%d of %d); confirm p50 %.2f ms"
                + " p99 %.2f ms max %.2f ms; end-to-end p50 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms%n",
            label, messages, SIZE, messages / sendSeconds, consumed.get() / consumeSeconds, consumed.get(), messages,
            confirm.getValueAtPercentile(50) / 1e6, confirm.getValueAtPercentile(99) / 1e6, confirm.getMaxValue() / 1e6,
            e2e.getValueAtPercentile(50) / 1e6, e2e.getValueAtPercentile(99) / 1e6, e2e.getValueAtPercentile(99.9) / 1e6,
            e2e.getMaxValue() / 1e6);
      }
    }
  }
}
