package io.brokerbench.measure;

import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.OrderingRecord;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.spi.RemovalReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The delivery ledger and ordering checker of one run, as DESIGN.md defines them.
 *
 * <p>Message ids are dense from 0 ({@code sequenceOfProducer × producers + producer}), so the ledger
 * keeps one byte of flags per message and per subscription ({@link MessageStates}) instead of a map:
 * no allocation per message. Ordering keeps, per subscription, the highest sequence number seen for
 * each (producer, key).
 *
 * <p>Thread-safety: every {@code on*} method may be called from any thread, concurrently; the
 * counts are exact whatever the interleaving (confirm, delivery and removal of one message may race:
 * the expected-but-neither-delivered-nor-removed count {@link #pending()} stays right because each
 * side updates one byte of flags atomically and adjusts the count by the change it made). {@link #deliveryRecord()} reads a consistent picture once producers and
 * consumers have stopped.
 */
public final class DeliveryLedger {
  private static final int SENT = 1;
  private static final int CONFIRMED = 2;
  private static final int FAILED = 4;

  private static final int EXPECTED = 1;
  private static final int DELIVERED = 2;
  /** Acknowledged: by the harness after processing, or by the target as it delivered ({@code ack: auto}). */
  private static final int ACKED = 4;
  private static final int REMOVED = 8;
  /** The removal reason's ordinal, in bits 4 and 5 (set together with {@link #REMOVED}). */
  private static final int REASON_SHIFT = 4;
  /** The harness rejected a delivery without requeue: settled, and removed as {@code rejected}. */
  private static final int DROPPED = 64;
  /** The harness rejected a delivery with requeue: delivered, yet not settled until a copy is acked. */
  private static final int REQUEUED = 128;

  /** What a delivery turned out to be. */
  public enum Kind {
    /** The first delivery of this message to this subscription. */
    FIRST,
    /** A later delivery of a message the subscription already received. */
    REPEAT,
    /** Not sent in this run, or not routed to this subscription. */
    UNEXPECTED
  }

  private final int subscriptions;
  private final int producers;
  private final int keys;
  private final boolean[][] routedBySubscriptionAndVariant;
  private final int variants;

  private final MessageStates messages = new MessageStates();
  private final MessageStates[] bySubscription;
  private final AtomicLongArray highestSent;
  private final LongAdder pending = new LongAdder();

  private final LongAdder[] redelivered;
  private final LongAdder[] duplicates;
  private final LongAdder[] unexpected;
  private final AtomicLongArray[] highestSequence;
  private final LongAdder checked = new LongAdder();
  private final LongAdder violations = new LongAdder();
  private final LongAdder redeliveryReorders = new LongAdder();
  private final AtomicLongArray maxDistance = new AtomicLongArray(1);

  /**
   * @param plan the run's topology plan (subscriptions, keys, routing of each variant)
   * @param producers number of producers
   */
  public DeliveryLedger(TopologyPlan plan, int producers) {
    this.subscriptions = plan.subscriptionCount();
    this.producers = producers;
    this.keys = plan.keys();
    this.variants = plan.variants().size();
    this.routedBySubscriptionAndVariant = new boolean[subscriptions][variants];
    for (int s = 0; s < subscriptions; s++) {
      for (int v = 0; v < variants; v++) routedBySubscriptionAndVariant[s][v] = plan.routes(s, plan.variants().get(v));
    }
    bySubscription = new MessageStates[subscriptions];
    redelivered = new LongAdder[subscriptions];
    duplicates = new LongAdder[subscriptions];
    unexpected = new LongAdder[subscriptions];
    highestSequence = new AtomicLongArray[subscriptions];
    for (int s = 0; s < subscriptions; s++) {
      bySubscription[s] = new MessageStates();
      redelivered[s] = new LongAdder();
      duplicates[s] = new LongAdder();
      unexpected[s] = new LongAdder();
      highestSequence[s] = new AtomicLongArray(producers * keys);
      for (int i = 0; i < producers * keys; i++) highestSequence[s].set(i, -1);
    }
    highestSent = new AtomicLongArray(producers);
    for (int p = 0; p < producers; p++) highestSent.set(p, -1);
  }

  /** Whether subscription {@code s} must receive message {@code id}. */
  public boolean routes(int s, long id) {
    return routedBySubscriptionAndVariant[s][(int) (id % variants)];
  }

  /** Message {@code id} of {@code producer} is about to be handed to the target. */
  public void onSent(int producer, long id) {
    messages.set(id, SENT);
    highestSent.lazySet(producer, id);
  }

  /** The target confirmed message {@code id}. */
  public void onConfirmed(long id) {
    messages.set(id, CONFIRMED);
    for (int s = 0; s < subscriptions; s++) {
      if (!routes(s, id)) continue;
      adjustPending(bySubscription[s].set(id, EXPECTED), EXPECTED);
    }
  }

  /**
   * Subscription {@code s}'s queue removed message {@code id} by the target's rules. The first
   * removal counts; a message acknowledged before or after counts as delivered, not removed.
   */
  public void onRemoved(int s, long id, RemovalReason reason) {
    if (id < 0 || s < 0 || s >= subscriptions || (messages.get(id) & SENT) == 0 || !routes(s, id)) return;
    if ((bySubscription[s].get(id) & REMOVED) != 0) return;
    int flags = REMOVED | (reason.ordinal() << REASON_SHIFT);
    adjustPending(bySubscription[s].set(id, flags), flags);
  }

  /** Keeps {@link #pending} = messages expected and not yet settled, after setting {@code flags}. */
  private void adjustPending(int before, int flags) {
    boolean was = isPending(before);
    boolean is = isPending(before | flags);
    if (is && !was) pending.increment();
    if (was && !is) pending.decrement();
  }

  private static boolean isPending(int flags) {
    return (flags & EXPECTED) != 0 && outcome(flags) == Outcome.LOST;
  }

  /** What became of a message at one subscription, from its flags. */
  private enum Outcome { DELIVERED, REMOVED, LOST }

  /**
   * The one rule that says what became of a message: acknowledged is delivered; else removed (by the
   * target's rules, or rejected by the harness without requeue) is removed; else delivered is
   * delivered, unless the harness rejected it with requeue and no copy came back to be acknowledged;
   * anything else is lost (or, while the run goes on, pending).
   */
  private static Outcome outcome(int flags) {
    if ((flags & ACKED) != 0) return Outcome.DELIVERED;
    if ((flags & REMOVED) != 0) return Outcome.REMOVED;
    if ((flags & DELIVERED) != 0 && (flags & REQUEUED) == 0) return Outcome.DELIVERED;
    return Outcome.LOST;
  }

  /** The target refused message {@code id} (negative confirm, returned, error). */
  public void onFailed(long id) {
    messages.set(id, FAILED);
  }

  /**
   * A delivery of message {@code id} (its envelope fields given) reached subscription {@code s}.
   *
   * @param redeliveredFlag the target's redelivered flag
   * @return whether it is the subscription's first delivery of the message, a repeat, or unexpected
   */
  public Kind onDelivery(int s, long id, int producer, int key, long sequence, boolean redeliveredFlag) {
    if (redeliveredFlag) redelivered[s].increment();
    if (id < 0 || producer < 0 || producer >= producers || key < 0 || key >= keys
        || (messages.get(id) & SENT) == 0 || !routes(s, id)) {
      unexpected[s].increment();
      return Kind.UNEXPECTED;
    }
    int before = bySubscription[s].set(id, DELIVERED);
    int orderIndex = producer * keys + key;
    if ((before & DELIVERED) == 0) {
      adjustPending(before, DELIVERED);
      if (redeliveredFlag) {
        checkRedeliveryOrder(s, orderIndex, sequence);
      } else {
        checked.increment();
        long highest = highestSequence[s].getAndAccumulate(orderIndex, sequence, Math::max);
        if (sequence < highest) {
          violations.increment();
          maxDistance.accumulateAndGet(0, highest - sequence, Math::max);
        }
      }
      return Kind.FIRST;
    }
    if ((before & (ACKED | DROPPED)) != 0) duplicates[s].increment();
    checkRedeliveryOrder(s, orderIndex, sequence);
    return Kind.REPEAT;
  }

  private void checkRedeliveryOrder(int s, int orderIndex, long sequence) {
    if (sequence < highestSequence[s].get(orderIndex)) redeliveryReorders.increment();
  }

  /** A delivery that is not a message of this run at all (foreign envelope) reached subscription {@code s}. */
  public void onForeign(int s) {
    unexpected[s].increment();
  }

  /**
   * A delivery of message {@code id} to subscription {@code s} was acknowledged: by the harness, or
   * (under {@code ack: auto}) by the target as it delivered; a later delivery is a duplicate.
   */
  public void onAcked(int s, long id) {
    adjustPending(bySubscription[s].set(id, ACKED), ACKED);
  }

  /**
   * The harness rejected a delivery of message {@code id} to subscription {@code s}. Without requeue
   * the message is settled and counts as removed ({@code rejected}) unless a copy was acknowledged;
   * a later copy is a duplicate. With requeue it must come back: it stays pending until a copy is
   * acknowledged or the target removes it (a delivery limit), and is lost if neither happens.
   */
  public void onRejected(int s, long id, boolean requeue) {
    int flags = requeue ? REQUEUED : DROPPED | REMOVED | (RemovalReason.REJECTED.ordinal() << REASON_SHIFT);
    if (!requeue && (bySubscription[s].get(id) & REMOVED) != 0) flags = DROPPED;
    adjustPending(bySubscription[s].set(id, flags), flags);
  }

  /** Confirmed messages routed to some subscription and neither delivered nor removed there yet, summed. */
  public long pending() {
    return pending.sum();
  }

  /** Highest message id any producer sent, or -1. */
  public long highestSentId() {
    long max = -1;
    for (int p = 0; p < producers; p++) max = Math.max(max, highestSent.get(p));
    return max;
  }

  /** The ledger as results report it; call once producers and consumers have stopped. */
  public DeliveryRecord deliveryRecord() {
    long maxId = highestSentId();
    long sent = 0;
    long confirmed = 0;
    long failed = 0;
    long[] expected = new long[subscriptions];
    long[] delivered = new long[subscriptions];
    long[] lost = new long[subscriptions];
    long[][] removed = new long[subscriptions][RemovalReason.values().length];
    long[] recovered = new long[subscriptions];
    for (long id = 0; id <= maxId; id++) {
      int g = messages.get(id);
      if ((g & SENT) == 0) continue;
      sent++;
      boolean isConfirmed = (g & CONFIRMED) != 0;
      if (isConfirmed) confirmed++;
      if ((g & FAILED) != 0) failed++;
      for (int s = 0; s < subscriptions; s++) {
        int st = bySubscription[s].get(id);
        Outcome outcome = outcome(st);
        boolean isDelivered = outcome == Outcome.DELIVERED;
        if (isDelivered) delivered[s]++;
        if (isConfirmed && routes(s, id)) {
          expected[s]++;
          if (outcome == Outcome.REMOVED) {
            removed[s][(st >>> REASON_SHIFT) & 3]++;
          } else if (outcome == Outcome.LOST) {
            lost[s]++;
          }
        }
        if (isDelivered && !isConfirmed) recovered[s]++;
      }
    }
    List<SubscriptionLedger> subs = new ArrayList<>();
    long tExpected = 0, tDelivered = 0, tRedelivered = 0, tDuplicates = 0, tLost = 0, tUnexpected = 0, tRecovered = 0;
    RemovedRecord tRemoved = RemovedRecord.NONE;
    for (int s = 0; s < subscriptions; s++) {
      long[] r = removed[s];
      RemovedRecord removedHere = new RemovedRecord(r[RemovalReason.EXPIRED.ordinal()], r[RemovalReason.MAX_LENGTH.ordinal()],
          r[RemovalReason.DELIVERY_LIMIT.ordinal()], r[RemovalReason.REJECTED.ordinal()]);
      SubscriptionLedger l = new SubscriptionLedger(s, expected[s], delivered[s], redelivered[s].sum(),
          duplicates[s].sum(), lost[s], removedHere, unexpected[s].sum(), recovered[s]);
      tRemoved = tRemoved.plus(removedHere);
      subs.add(l);
      tExpected += l.expected();
      tDelivered += l.delivered();
      tRedelivered += l.redelivered();
      tDuplicates += l.duplicates();
      tLost += l.lost();
      tUnexpected += l.unexpected();
      tRecovered += l.recovered();
    }
    return new DeliveryRecord(sent, confirmed, failed, tExpected, tDelivered, tRedelivered, tDuplicates, tLost,
        tRemoved, tUnexpected, tRecovered, subs);
  }

  /** Ordering among first deliveries, summed over subscriptions. */
  public OrderingRecord orderingRecord() {
    return new OrderingRecord(checked.sum(), violations.sum(), maxDistance.get(0), redeliveryReorders.sum());
  }
}
