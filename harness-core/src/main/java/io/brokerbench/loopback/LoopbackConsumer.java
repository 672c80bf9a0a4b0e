package io.brokerbench.loopback;

import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.TargetConsumer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A consumer attached to one {@link Mailbox}: a dispatcher thread hands messages to the listener,
 * never holding more than {@code prefetch} unacknowledged (manual ack): it takes one message at a
 * time and none while it holds the prefetch, which is pulling, so this one loop serves {@code
 * consumers.mode: push} and {@code pull} alike. On close, unacknowledged messages go back to the head
 * of the mailbox, flagged redelivered.
 *
 * <p>Threading: the dispatcher thread calls the listener; {@link #settle} is called by the listener
 * (same thread) or, for a delivery acknowledged later, by any thread — unacked bookkeeping is
 * guarded by this object's monitor, which is never held while calling the listener.
 */
final class LoopbackConsumer implements TargetConsumer {
  /** Idle polls that spin before the dispatcher yields, then parks: waking a parked thread costs a system call per message. */
  private static final int SPINS_BEFORE_YIELD = 2_000;
  private static final int YIELDS_BEFORE_PARK = 50;

  private final Mailbox mailbox;
  private final DeliveryListener listener;
  private final int prefetch;
  private final boolean manual;
  private final ArrayDeque<LoopbackDelivery> unacked = new ArrayDeque<>();
  private final Thread dispatcher;
  private volatile boolean running = true;
  private volatile int unackedCount;
  /** The most {@link #unackedCount} ever was; guarded by this object's monitor. */
  private int mostUnacked;

  LoopbackConsumer(Mailbox mailbox, DeliveryListener listener, int prefetch, AckMode ackMode, String name) {
    this.mailbox = mailbox;
    this.listener = listener;
    this.prefetch = prefetch;
    this.manual = ackMode == AckMode.MANUAL;
    this.dispatcher = new Thread(this::dispatch, name);
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  private void dispatch() {
    int idle = 0;
    while (running) {
      if (manual && unackedCount >= prefetch) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        continue;
      }
      LoopbackDelivery d = mailbox.next();
      if (d == null) {
        if (++idle < SPINS_BEFORE_YIELD) {
          Thread.onSpinWait();
          continue;
        }
        if (idle < SPINS_BEFORE_YIELD + YIELDS_BEFORE_PARK) {
          Thread.yield();
          continue;
        }
        if (running) mailbox.parkUnlessWaiting(TimeUnit.MILLISECONDS.toNanos(1));
        idle = 0;
        continue;
      }
      idle = 0;
      if (manual) {
        d.owner = this;
        synchronized (this) {
          unacked.addLast(d);
          unackedCount++;
          if (unackedCount > mostUnacked) mostUnacked = unackedCount;
        }
      }
      listener.onDelivery(d);
    }
  }

  /** Settles a delivery: ack, reject, or reject with requeue (back to the mailbox head). */
  void settle(LoopbackDelivery d, boolean requeue) {
    synchronized (this) {
      if (d.settled || d.owner != this) return;
      d.settled = true;
      unackedCount--;
      while (!unacked.isEmpty() && unacked.peekFirst().settled) unacked.pollFirst();
    }
    if (requeue) mailbox.returnToHead(List.of(d));
  }

  /**
   * With manual acks, the most messages held unacknowledged at once, exact and at most the prefetch;
   * 0 with automatic acks, which settle each message as it is handed out.
   */
  @Override
  public synchronized OptionalInt mostUnacknowledged() {
    return OptionalInt.of(mostUnacked);
  }

  @Override
  public void close() {
    if (!running) return;
    running = false;
    LockSupport.unpark(dispatcher);
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<LoopbackDelivery> toReturn = new ArrayList<>();
    synchronized (this) {
      for (LoopbackDelivery d : unacked) {
        if (!d.settled) {
          d.settled = true;
          toReturn.add(d);
        }
      }
      unacked.clear();
      unackedCount = 0;
    }
    mailbox.returnToHead(toReturn);
  }
}
