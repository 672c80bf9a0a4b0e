package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTeardownTest {
  @TempDir Path dir;

  /** Confirms everything and hands the messages to its consumer only as the consumer closes (a flush on close). */
  static final class FlushOnCloseTarget implements Target {
    final List<OutgoingMessage> sent = new ArrayList<>();

    @Override public TargetInfo open() {
      return new TargetInfo("flush-on-close", "test", TargetMode.EMBEDDED, Map.of(), Guarantee.unstated());
    }
    @Override public Capabilities capabilities() { return Capabilities.all(); }
    @Override public void declare(TopologyPlan plan) {}
    @Override public void close() {}

    @Override
    public TargetProducer createProducer(int producerIndex) {
      return new TargetProducer() {
        @Override
        public CompletableFuture<Void> send(OutgoingMessage message) {
          synchronized (sent) {
            sent.add(message);
          }
          return CompletableFuture.completedFuture(null);
        }

        @Override public void close() {}
      };
    }

    @Override
    public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) {
      return () -> {
        synchronized (sent) {
          for (OutgoingMessage m : sent) listener.onDelivery(delivery(m));
          sent.clear();
        }
      };
    }

    static Delivery delivery(OutgoingMessage m) {
      return new Delivery() {
        @Override public byte[] payload() { return m.payload(); }
        @Override public byte[] key() { return m.key(); }
        @Override public int destination() { return m.destination(); }
        @Override public int partition() { return m.partition(); }
        @Override public boolean redelivered() { return false; }
        @Override public void ack() {}
        @Override public void reject(boolean requeue) {}
      };
    }
  }

  @Test
  void theLedgerIsReadOnceTheConsumersHaveClosed() {
    RunResult r = new WorkloadRun(new VirtualRunClock(1_000_000_000L), ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("flush", new FlushOnCloseTarget(), TestWorkloads.keyed(50, 1, 1, 1, 1), 1, "td", dir, null));
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertEquals(50, r.delivery().delivered(), "what the consumers received as they closed is in the ledger");
    assertEquals(0, r.delivery().lost());
  }
}
