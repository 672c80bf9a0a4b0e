package io.brokerbench.adapter.rabbitmq;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The unconfirmed publishes of one channel, keyed by publish sequence number, bounded to
 * {@code capacity}.
 *
 * <p>Protocol: the publishing thread calls {@link #acquire()} (blocks while {@code capacity}
 * messages are unconfirmed), then {@link #register(long)} with the channel's next publish sequence
 * number <em>before</em> publishing, so a confirm can never overtake its registration. The
 * client's I/O thread calls {@link #ack}, {@link #nack} (with {@code multiple} expanded to every
 * registered number up to and including the tag) and {@link #returned}; a return comes before the
 * confirm of the same message and fails its future at once, the confirm then frees the slot. When
 * the channel shuts down, {@link #failAll} fails everything pending and makes {@link #acquire()}
 * throw.
 *
 * <p>Threading: one publishing thread; confirms and returns from any one other thread at a time.
 * Futures are completed on the confirming thread.
 */
final class ConfirmWindow {
  private final int capacity;
  private final Semaphore slots;
  private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> pending = new ConcurrentSkipListMap<>();
  private volatile Throwable failure;

  /** @param capacity most unconfirmed messages, at least 1 */
  ConfirmWindow(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    this.capacity = capacity;
    this.slots = new Semaphore(capacity);
  }

  /**
   * Takes a slot, waiting while the window is full.
   *
   * @throws IllegalStateException when the channel has failed (also while waiting)
   */
  void acquire() throws InterruptedException {
    while (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
      checkNotFailed();
    }
    if (failure != null) {
      slots.release();
      checkNotFailed();
    }
  }

  /** Registers publish {@code seqNo} (after {@link #acquire()}); its future completes on confirm. */
  CompletableFuture<Void> register(long seqNo) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    if (pending.putIfAbsent(seqNo, future) != null) {
      slots.release();
      throw new IllegalStateException("publish sequence number " + seqNo + " is already pending");
    }
    Throwable failed = failure;
    if (failed != null && pending.remove(seqNo, future)) {
      slots.release();
      future.completeExceptionally(failed);
    }
    return future;
  }

  /** The publish of {@code seqNo} failed before reaching the broker: frees its slot, fails its future. */
  void abandon(long seqNo, Throwable cause) {
    CompletableFuture<Void> future = pending.remove(seqNo);
    if (future != null) {
      slots.release();
      future.completeExceptionally(cause);
    }
  }

  /** {@code basic.ack}: completes {@code deliveryTag} (and every earlier one when {@code multiple}). */
  void ack(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, null);
  }

  /** {@code basic.nack}: fails {@code deliveryTag} (and every earlier one when {@code multiple}). */
  void nack(long deliveryTag, boolean multiple) {
    settle(deliveryTag, multiple, "negatively confirmed by the broker (basic.nack, delivery tag " + deliveryTag
        + (multiple ? ", multiple" : "") + ")");
  }

  /** {@code basic.return} of publish {@code seqNo}: fails its future now; its confirm frees the slot later. */
  void returned(long seqNo, String reason) {
    CompletableFuture<Void> future = pending.get(seqNo);
    if (future != null) future.completeExceptionally(new MessageReturnedException(reason));
  }

  /** The channel is gone: fails every pending future with {@code cause}; later acquires throw. */
  void failAll(Throwable cause) {
    failure = cause;
    for (Long seqNo : pending.keySet()) {
      CompletableFuture<Void> future = pending.remove(seqNo);
      if (future != null) {
        slots.release();
        future.completeExceptionally(cause);
      }
    }
  }

  /** Unconfirmed messages now. */
  int inFlight() {
    return pending.size();
  }

  int capacity() {
    return capacity;
  }

  private void settle(long deliveryTag, boolean multiple, String nackReason) {
    if (multiple) {
      Map<Long, CompletableFuture<Void>> head = pending.headMap(deliveryTag, true);
      for (Long seqNo : head.keySet()) complete(seqNo, nackReason);
    } else {
      complete(deliveryTag, nackReason);
    }
  }

  private void complete(long seqNo, String nackReason) {
    CompletableFuture<Void> future = pending.remove(seqNo);
    if (future == null) return;
    slots.release();
    if (nackReason == null) future.complete(null);
    else future.completeExceptionally(new PublishRefusedException("publish " + seqNo + " " + nackReason));
  }

  private void checkNotFailed() {
    Throwable failed = failure;
    if (failed != null) throw new IllegalStateException("the channel is closed: " + failed.getMessage(), failed);
  }
}
