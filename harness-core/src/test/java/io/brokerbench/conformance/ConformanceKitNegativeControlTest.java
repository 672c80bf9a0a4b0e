package io.brokerbench.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import io.brokerbench.synthetic.SyntheticProvider;
import io.brokerbench.plan.TopologyPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The kit can fail: run against targets broken on purpose (losing, reordering, ignoring prefetch,
 * hiding redeliveries), each of its checks reports the fault.
 */
class ConformanceKitNegativeControlTest {
  @TempDir Path dir;

  private TargetConformanceKit kit(Map<String, Object> settings, UnaryOperator<Target> breakIt) {
    TargetConformanceKit kit = new TargetConformanceKit() {
      @Override
      protected TargetProvider provider() {
        return new Breaking(new SyntheticProvider(), breakIt);
      }

      @Override
      protected Map<String, Object> settings() {
        return settings;
      }

      @Override
      protected java.time.Duration patience() {
        return java.time.Duration.ofSeconds(3);
      }

      @Override
      protected int messages() {
        return 500;
      }
    };
    kit.workDir = dir;
    return kit;
  }

  @Test
  void routingCheckCatchesALosingTarget() {
    TargetConformanceKit kit = kit(Map.of("drop.every", "7"), t -> t);
    assertThrows(AssertionFailedError.class, () -> kit.routesEveryMessageAsTheReferenceRouterDoes(Routing.FANOUT));
    assertThrows(AssertionFailedError.class, kit::deliversEveryMessageToEveryFanoutSubscription);
  }

  @Test
  void orderCheckCatchesAReorderingTarget() {
    TargetConformanceKit kit = kit(Map.of("reorder.every", "5"), t -> t);
    assertThrows(AssertionFailedError.class, kit::keepsPerKeyOrderWithinAPartition);
  }

  @Test
  void prefetchCheckCatchesATargetThatHandsOutTooMuch() {
    TargetConformanceKit kit = kit(Map.of(), t -> new Wrapped(t) {
      @Override
      public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
        return inner.createConsumer(new ConsumerSpec(spec.subscription(), spec.consumerIndex(), spec.prefetch() * 4, spec.ackMode()), listener);
      }
    });
    assertThrows(AssertionFailedError.class, kit::neverExceedsPrefetch);
  }

  @Test
  void pullCheckCatchesATargetThatIgnoresThePrefetchWhenPulling() {
    TargetConformanceKit kit = kit(Map.of(), t -> new Wrapped(t) {
      @Override
      public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
        if (spec.mode() != ConsumerMode.PULL) return inner.createConsumer(spec, listener);
        return inner.createConsumer(new ConsumerSpec(spec.subscription(), spec.consumerIndex(), spec.prefetch() * 4,
            spec.ackMode(), spec.mode()), listener);
      }
    });
    assertThrows(AssertionFailedError.class, kit::pulledConsumersHoldAtMostTheirPrefetch);
  }

  @Test
  void pullCheckCatchesATargetThatMisreportsWhatItHeld() {
    TargetConformanceKit kit = kit(Map.of(), t -> new Wrapped(t) {
      @Override
      public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
        TargetConsumer c = inner.createConsumer(spec, listener);
        return new TargetConsumer() {
          @Override
          public OptionalInt mostUnacknowledged() {
            return OptionalInt.of(1);
          }

          @Override
          public void close() {
            c.close();
          }
        };
      }
    });
    assertThrows(AssertionFailedError.class, kit::pulledConsumersHoldAtMostTheirPrefetch);
  }

  @Test
  void redeliveryCheckCatchesATargetThatHidesTheFlag() {
    TargetConformanceKit kit = kitAlteringDeliveries(Unflagged::new);
    assertThrows(AssertionFailedError.class, kit::redeliversUnackedMessagesWhenConsumerCloses);
  }

  @Test
  void rejectCheckCatchesATargetThatDropsWhatItShouldRequeue() {
    TargetConformanceKit kit = kitAlteringDeliveries(Dropping::new);
    assertThrows(AssertionFailedError.class, () -> kit.harnessRejectsComeBackFlaggedWithRequeueAndCountAsRemovedWithout(true));
  }

  @Test
  void rejectCheckCatchesATargetThatRequeuesWhatItShouldDrop() {
    TargetConformanceKit kit = kitAlteringDeliveries(Requeueing::new);
    assertThrows(AssertionFailedError.class, () -> kit.harnessRejectsComeBackFlaggedWithRequeueAndCountAsRemovedWithout(false));
  }

  /** A kit whose target hands each delivery to the harness as {@code alter} changes it. */
  private TargetConformanceKit kitAlteringDeliveries(UnaryOperator<Delivery> alter) {
    return kit(Map.of(), t -> new Wrapped(t) {
      @Override
      public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception {
        return inner.createConsumer(spec, d -> listener.onDelivery(alter.apply(d)));
      }
    });
  }

  /** A provider whose targets are altered by {@code breakIt}. */
  private record Breaking(TargetProvider inner, UnaryOperator<Target> breakIt) implements TargetProvider {
    public String name() { return inner.name(); }
    public String description() { return inner.description(); }
    public List<SettingSpec> settings() { return inner.settings(); }
    public Target create(TargetContext context, Settings settings) { return breakIt.apply(inner.create(context, settings)); }
  }

  /** Delegates everything; subclasses override what they break. */
  private abstract static class Wrapped implements Target {
    final Target inner;

    Wrapped(Target inner) {
      this.inner = inner;
    }

    public TargetInfo open() throws Exception { return inner.open(); }
    public Capabilities capabilities() { return inner.capabilities(); }
    public void declare(TopologyPlan plan) throws Exception { inner.declare(plan); }
    public TargetProducer createProducer(int producerIndex) throws Exception { return inner.createProducer(producerIndex); }
    public void close() { inner.close(); }
  }

  /** Forwards everything to {@code d}; the subclasses below change what they break. */
  private static class Forwarding implements Delivery {
    final Delivery d;

    Forwarding(Delivery d) {
      this.d = d;
    }

    public byte[] payload() { return d.payload(); }
    public int payloadLength() { return d.payloadLength(); }
    public byte[] key() { return d.key(); }
    public int destination() { return d.destination(); }
    public int partition() { return d.partition(); }
    public boolean redelivered() { return d.redelivered(); }
    public void ack() { d.ack(); }
    public void reject(boolean requeue) { d.reject(requeue); }
  }

  /** A delivery that hides the redelivered flag. */
  private static final class Unflagged extends Forwarding {
    Unflagged(Delivery d) { super(d); }
    @Override public boolean redelivered() { return false; }
  }

  /** A delivery whose reject with requeue drops the message instead (acks it). */
  private static final class Dropping extends Forwarding {
    Dropping(Delivery d) { super(d); }
    @Override public void reject(boolean requeue) { if (requeue) d.ack(); else d.reject(false); }
  }

  /** A delivery whose reject without requeue requeues the message instead. */
  private static final class Requeueing extends Forwarding {
    Requeueing(Delivery d) { super(d); }
    @Override public void reject(boolean requeue) { d.reject(true); }
  }
}
