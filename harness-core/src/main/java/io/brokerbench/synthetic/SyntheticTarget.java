package io.brokerbench.synthetic;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.ReferenceRouter;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.RemovalReason;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The synthetic target: confirms and deliveries happen when its {@link FaultScript} says, through a
 * {@link Scheduler} on the run clock, so tests can run it on a simulated clock exactly.
 *
 * <p>Threading: all state is guarded by this object's monitor; the listener of a consumer is called
 * on the scheduler's thread with the monitor held (so one consumer's deliveries never overlap), and
 * acknowledgements made from within the listener re-enter it. The target is a test instrument, not
 * a fast path.
 */
public final class SyntheticTarget implements Target {
  private final FaultScript script;
  private final Map<String, String> appliedSettings;
  private final LongSupplier clock;
  private final Scheduler scheduler;
  private final SplittableRandom random;
  private long t0;
  private long arrivals;
  private TopologyPlan plan;
  /** [subscription][consumer index] */
  private Slot[][] slots;
  /** (subscription, producer, key) → a message held back for reordering. */
  private final Map<Long, Held> held = new HashMap<>();
  private RemovalListener removals = (s, payload, length, reason) -> {};
  private boolean closed;

  public SyntheticTarget(FaultScript script, Map<String, String> appliedSettings, LongSupplier clock, Scheduler scheduler) {
    this.script = script;
    this.appliedSettings = Map.copyOf(appliedSettings);
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = new SplittableRandom(script.delays().seed());
  }

  private record Held(Slot slot, SyntheticDelivery delivery) {}

  @Override
  public synchronized TargetInfo open() {
    t0 = clock.getAsLong();
    return new TargetInfo("synthetic", "builtin", TargetMode.EMBEDDED, appliedSettings, Guarantee.unstated());
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.all();
  }

  @Override
  public synchronized void declare(TopologyPlan plan) {
    if (this.plan != null) return;
    this.plan = plan;
    slots = new Slot[plan.subscriptionCount()][plan.consumersPerSubscription()];
    for (int s = 0; s < slots.length; s++) {
      long interval = script.slow().intervalOf(s);
      for (int c = 0; c < slots[s].length; c++) slots[s][c] = new Slot(interval);
    }
  }

  @Override
  public TargetProducer createProducer(int producerIndex) {
    return new TargetProducer() {
      @Override
      public CompletableFuture<Void> send(OutgoingMessage message) {
        return SyntheticTarget.this.send(message);
      }

      @Override
      public void close() {}
    };
  }

  private synchronized CompletableFuture<Void> send(OutgoingMessage m) {
    if (closed) return CompletableFuture.failedFuture(new IllegalStateException("synthetic target closed"));
    long n = ++arrivals;
    long now = clock.getAsLong();
    CompletableFuture<Void> confirm = new CompletableFuture<>();
    scheduler.at(script.afterStall(t0, now + script.delays().confirm().sample(random)), () -> confirm.complete(null));
    long deliverAt = script.afterStall(t0, now + script.delays().delivery().sample(random));
    if (FaultScript.hits(script.faults().expireEvery(), n)) {
      scheduler.at(deliverAt, () -> expire(m));
    } else if (!FaultScript.hits(script.faults().dropEvery(), n)) {
      scheduler.at(deliverAt, () -> arrive(m, n));
    }
    return confirm;
  }

  /** The message reaches its queues and expires there at once: reported removed from each. */
  private synchronized void expire(OutgoingMessage m) {
    if (closed) return;
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      if (!ReferenceRouter.matches(plan.routing(), plan.subscriptions().get(s), m.routingKey(), m.headers())) continue;
      removals.onRemoved(s, m.payload(), m.payload().length, RemovalReason.EXPIRED);
    }
  }

  @Override
  public synchronized AutoCloseable watchRemovals(RemovalListener listener) {
    removals = listener;
    return () -> {
      synchronized (SyntheticTarget.this) {
        removals = (s, payload, length, reason) -> {};
      }
    };
  }

  private synchronized void arrive(OutgoingMessage m, long n) {
    if (closed) return;
    byte[] p = m.payload();
    int consumer = plan.consumerOfMessage(Envelope.messageId(p), m.destination(), m.partition());
    for (int s = 0; s < plan.subscriptionCount(); s++) {
      if (!ReferenceRouter.matches(plan.routing(), plan.subscriptions().get(s), m.routingKey(), m.headers())) continue;
      Slot slot = slots[s][consumer];
      SyntheticDelivery d = new SyntheticDelivery(m, n, false, false, slot);
      long heldKey = ((long) s << 48) ^ ((long) Envelope.producer(p) << 24) ^ Envelope.key(p);
      if (FaultScript.hits(script.faults().reorderEvery(), n)) {
        held.put(heldKey, new Held(slot, d));
        continue;
      }
      slot.enqueue(d);
      Held h = held.remove(heldKey);
      if (h != null) h.slot.enqueue(h.delivery);
    }
  }

  @Override
  public synchronized TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) {
    Slot slot = slots[spec.subscription()][spec.consumerIndex()];
    SyntheticConsumer c = new SyntheticConsumer(slot, listener, spec.prefetch(), spec.ackMode() == AckMode.MANUAL);
    slot.consumer = c;
    scheduler.at(clock.getAsLong(), slot::pump);
    return c;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    scheduler.close();
  }

  /** The queue of one consumer index of one subscription. Guarded by the target's monitor. */
  private final class Slot {
    final ArrayDeque<SyntheticDelivery> pending = new ArrayDeque<>();
    /** Least time between two deliveries (a consumer of limited capacity); 0 for none. */
    final long intervalNanos;
    long nextFreeAt = Long.MIN_VALUE;
    boolean wakeUpScheduled;
    SyntheticConsumer consumer;

    Slot(long intervalNanos) {
      this.intervalNanos = intervalNanos;
    }

    void enqueue(SyntheticDelivery d) {
      pending.addLast(d);
      pump();
    }

    void pump() {
      synchronized (SyntheticTarget.this) {
        SyntheticConsumer c = consumer;
        while (c != null && !c.closed && !pending.isEmpty() && (!c.manual || c.unacked.size() < c.prefetch)) {
          if (intervalNanos > 0) {
            long now = clock.getAsLong();
            if (now < nextFreeAt) {
              if (!wakeUpScheduled) {
                wakeUpScheduled = true;
                scheduler.at(nextFreeAt, () -> {
                  synchronized (SyntheticTarget.this) {
                    wakeUpScheduled = false;
                  }
                  pump();
                });
              }
              return;
            }
            nextFreeAt = now + intervalNanos;
          }
          c.deliver(pending.pollFirst());
        }
      }
    }
  }

  private final class SyntheticConsumer implements TargetConsumer {
    final Slot slot;
    final DeliveryListener listener;
    final int prefetch;
    final boolean manual;
    final List<SyntheticDelivery> unacked = new ArrayList<>();
    boolean closed;

    SyntheticConsumer(Slot slot, DeliveryListener listener, int prefetch, boolean manual) {
      this.slot = slot;
      this.listener = listener;
      this.prefetch = prefetch;
      this.manual = manual;
    }

    void deliver(SyntheticDelivery d) {
      d.owner = this;
      if (manual) unacked.add(d);
      listener.onDelivery(d);
      // Under ack: auto the target acknowledges as it delivers, faults included.
      if (!manual) d.ack();
    }

    @Override
    public void close() {
      synchronized (SyntheticTarget.this) {
        if (closed) return;
        closed = true;
        if (slot.consumer == this) slot.consumer = null;
        for (int i = unacked.size() - 1; i >= 0; i--) {
          SyntheticDelivery d = unacked.get(i);
          slot.pending.addFirst(new SyntheticDelivery(d.message, d.arrival, true, true, slot));
        }
        unacked.clear();
      }
    }
  }

  private final class SyntheticDelivery implements Delivery {
    final OutgoingMessage message;
    final long arrival;
    final boolean redelivered;
    /** A copy made by a fault or a requeue; faults apply to originals only. */
    final boolean copy;
    /** The copy a redeliver fault hands out in place of the original's first ack. */
    boolean standsForOriginal;
    final Slot slot;
    SyntheticConsumer owner;
    boolean settled;
    boolean firstAckIgnored;

    SyntheticDelivery(OutgoingMessage message, long arrival, boolean redelivered, boolean copy, Slot slot) {
      this.message = message;
      this.arrival = arrival;
      this.redelivered = redelivered;
      this.copy = copy;
      this.slot = slot;
    }

    @Override public byte[] payload() { return message.payload(); }
    @Override public byte[] key() { return message.key(); }
    @Override public int destination() { return message.destination(); }
    @Override public int partition() { return message.partition(); }
    @Override public boolean redelivered() { return redelivered; }

    @Override
    public void ack() {
      synchronized (SyntheticTarget.this) {
        if (settled || owner == null) return;
        if (!copy && !firstAckIgnored && FaultScript.hits(script.faults().redeliverEvery(), arrival)) {
          firstAckIgnored = true;
          SyntheticDelivery copyOfThis = new SyntheticDelivery(message, arrival, true, true, slot);
          copyOfThis.standsForOriginal = true;
          owner.deliver(copyOfThis);
          return;
        }
        settled(false);
      }
    }

    @Override
    public void reject(boolean requeue) {
      synchronized (SyntheticTarget.this) {
        if (settled || owner == null) return;
        settled(requeue);
      }
    }

    /** Settles every delivery of this message held by the owner (a redeliver fault's copy settles the original). */
    void settled(boolean requeue) {
      settled = true;
      owner.unacked.removeIf(d -> d.message == message);
      if ((!copy || standsForOriginal) && !requeue && FaultScript.hits(script.faults().duplicateEvery(), arrival)) {
        scheduler.at(clock.getAsLong(), () -> slot.enqueue(new SyntheticDelivery(message, arrival, false, true, slot)));
      }
      if (requeue) slot.pending.addFirst(new SyntheticDelivery(message, arrival, true, true, slot));
      scheduler.at(clock.getAsLong(), slot::pump);
    }
  }
}
