package io.brokerbench.adapter.shared;

import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A pulled consumer ({@code consumers.mode: pull}): one thread asks its queues for one delivery at a
 * time (AMQP {@code basic.get}, an engine's get) and hands each to the listener, holding at most
 * {@code prefetch} unsettled: once it holds that many it waits until the harness settles one, and
 * only then asks again. A queue-model adapter supplies the asking ({@link Source}); this class owns
 * the loop, the bound and the back-off.
 *
 * <ul>
 *   <li>Order of asking: round robin over the sources, starting after the one that gave the last
 *       delivery, so one busy queue does not starve the others.
 *   <li>Back-off: when a whole round finds nothing, the thread parks 50 µs, doubling after each
 *       further empty round up to 1 ms; a delivery resets it. It never spins.
 *   <li>Manual acknowledgement: a delivery counts as held from before the listener sees it until its
 *       first {@link Delivery#ack()} or {@link Delivery#reject(boolean)} (any thread), so {@link
 *       #mostUnacknowledged()} is exact and at most {@code prefetch}. Automatic acknowledgement: a
 *       source asks with auto-ack, so deliveries are settled as they are taken and none is held.
 *   <li>Failure: a source that throws ends the loop (its channel or session is gone), with one log
 *       line unless the loop is closing; a listener that throws is reported once and the loop goes on.
 * </ul>
 *
 * <p>Threading: the loop's own thread calls the sources and the listener, so the listener is never
 * called concurrently. {@link #close()} may come from any thread: it stops the loop and waits for a
 * listener call in progress (up to 10 s); after it returns the listener is not called again. A
 * delivery taken but not yet handed out when the loop stops is dropped unsettled, as are those the
 * harness holds: the caller then closes its channel or session, which returns them to their queues.
 */
public final class PullLoop implements AutoCloseable {
  private static final long FIRST_BACKOFF_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  private static final long LAST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** How long one wait for a settle lasts before the loop checks whether it is closing. */
  private static final long SETTLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** One queue the loop asks. */
  @FunctionalInterface
  public interface Source {
    /**
     * Takes one delivery, or returns null when the queue has none ready. Called on the loop's
     * thread only. With manual acknowledgement the delivery stays unsettled until the harness
     * settles it; with automatic it is settled already.
     */
    Delivery get() throws Exception;
  }

  private final List<Source> sources;
  private final int prefetch;
  private final boolean manualAck;
  private final DeliveryListener listener;
  private final Consumer<String> log;
  private final ListenerFailureLog listenerFailures;
  private final UnsettledDeliveries unsettled = new UnsettledDeliveries();
  private final Thread thread;
  private volatile boolean closed;

  private PullLoop(String threadName, List<Source> sources, int prefetch, boolean manualAck,
      DeliveryListener listener, Consumer<String> log) {
    if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, was " + prefetch);
    this.sources = List.copyOf(sources);
    this.prefetch = prefetch;
    this.manualAck = manualAck;
    this.listener = listener;
    this.log = log;
    this.listenerFailures = new ListenerFailureLog(log, "a delivery listener", "of this consumer");
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  /**
   * Starts a loop over {@code sources} (none: the thread is not started and the consumer idles).
   *
   * @param threadName the loop thread's name
   * @param prefetch most unsettled deliveries held at once, at least 1 (manual acknowledgement)
   * @param manualAck whether the harness settles deliveries; otherwise sources take them settled
   * @param log where the loop reports a failed source or listener, one line each
   */
  public static PullLoop start(String threadName, List<Source> sources, int prefetch, boolean manualAck,
      DeliveryListener listener, Consumer<String> log) {
    PullLoop loop = new PullLoop(threadName, sources, prefetch, manualAck, listener, log);
    if (!loop.sources.isEmpty()) loop.thread.start();
    return loop;
  }

  private void run() {
    int next = 0;
    long backoff = FIRST_BACKOFF_NANOS;
    try {
      while (!closed) {
        if (manualAck && !unsettled.awaitBelow(prefetch, SETTLE_WAIT_NANOS)) continue;
        Delivery taken = null;
        int n = sources.size();
        for (int i = 0; i < n && taken == null && !closed; i++) {
          int at = (next + i) % n;
          taken = sources.get(at).get();
          if (taken != null) next = (at + 1) % n;
        }
        if (taken == null) {
          if (!closed) LockSupport.parkNanos(this, backoff);
          backoff = Math.min(backoff * 2, LAST_BACKOFF_NANOS);
          continue;
        }
        backoff = FIRST_BACKOFF_NANOS;
        if (closed) return; // unsettled: closing the channel or session returns it
        hand(taken);
      }
    } catch (InterruptedException e) {
      // close() gave up waiting for the listener; the loop ends
    } catch (Exception e) {
      if (!closed) log.accept("a pulled consumer stopped: asking for a delivery failed: " + e);
    }
  }

  private void hand(Delivery taken) {
    Delivery delivery = taken;
    if (manualAck) {
      unsettled.handedOut();
      delivery = new Held(taken, unsettled);
    }
    try {
      listener.onDelivery(delivery);
    } catch (RuntimeException e) {
      listenerFailures.report(e);
    }
  }

  /**
   * The most deliveries held unsettled at once (manual acknowledgement; 0 with automatic), at most
   * the prefetch; exact, as every delivery passes through this loop.
   */
  public int mostUnacknowledged() {
    return unsettled.most();
  }

  /** Stops the loop and waits for a listener call in progress; idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    unsettled.wakeAll();
    LockSupport.unpark(thread);
    if (Thread.currentThread() == thread || !thread.isAlive()) return;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
      if (thread.isAlive()) thread.interrupt();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A delivery counted as held until its first settle. */
  private static final class Held implements Delivery {
    private final Delivery delivery;
    private final UnsettledDeliveries unsettled;
    private boolean settled;

    Held(Delivery delivery, UnsettledDeliveries unsettled) {
      this.delivery = delivery;
      this.unsettled = unsettled;
    }

    @Override
    public byte[] payload() {
      return delivery.payload();
    }

    @Override
    public int payloadLength() {
      return delivery.payloadLength();
    }

    @Override
    public byte[] key() {
      return delivery.key();
    }

    @Override
    public int destination() {
      return delivery.destination();
    }

    @Override
    public int partition() {
      return delivery.partition();
    }

    @Override
    public boolean redelivered() {
      return delivery.redelivered();
    }

    @Override
    public void ack() {
      if (!firstSettle()) return;
      try {
        delivery.ack();
      } finally {
        unsettled.settled();
      }
    }

    @Override
    public void reject(boolean requeue) {
      if (!firstSettle()) return;
      try {
        delivery.reject(requeue);
      } finally {
        unsettled.settled();
      }
    }

    private synchronized boolean firstSettle() {
      if (settled) return false;
      settled = true;
      return true;
    }
  }
}
