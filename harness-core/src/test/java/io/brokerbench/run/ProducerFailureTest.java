package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.testing.TestWorkloads;
import io.brokerbench.testing.VirtualRunClock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerFailureTest {
  @TempDir Path dir;

  /** Refuses the first message, then breaks at the third send: the refusal is the cause. */
  static final class BreakingTarget implements Target {
    @Override public TargetInfo open() {
      return new TargetInfo("breaking", "test", TargetMode.EMBEDDED, Map.of(), Guarantee.unstated());
    }
    @Override public Capabilities capabilities() { return Capabilities.all(); }
    @Override public void declare(TopologyPlan plan) {}
    @Override public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) { return () -> {}; }
    @Override public void close() {}

    @Override
    public TargetProducer createProducer(int producerIndex) {
      return new TargetProducer() {
        int sends;

        @Override
        public CompletableFuture<Void> send(OutgoingMessage message) {
          sends++;
          if (sends == 1) return CompletableFuture.failedFuture(new IllegalStateException("resource-locked: queue is exclusive"));
          if (sends >= 3) throw new IllegalStateException("channel is already closed");
          return CompletableFuture.completedFuture(null);
        }

        @Override public void close() {}
      };
    }
  }

  @Test
  void aProducersFirstSendErrorIsTheReasonOfItsFailedRun() {
    RunResult r = new WorkloadRun(new VirtualRunClock(1_000_000_000L), ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("breaking", new BreakingTarget(), TestWorkloads.keyed(100, 1, 1, 1, 1), 1, "pf", dir, null));
    assertEquals(RunStatus.FAILED, r.status());
    assertEquals("producer 0: send failed: resource-locked: queue is exclusive (then: channel is already closed)", r.error());
    assertEquals(1, r.delivery().failed());
  }
}
