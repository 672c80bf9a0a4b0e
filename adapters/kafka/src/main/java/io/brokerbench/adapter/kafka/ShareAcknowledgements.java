package io.brokerbench.adapter.kafka;

import io.brokerbench.adapter.shared.UnsettledDeliveries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.AcknowledgeType;

/**
 * Hands the settlements of a share consumer's deliveries from whichever thread settles them to the
 * poll thread, which alone may call the (not thread-safe) {@code KafkaShareConsumer}, and counts the
 * deliveries not yet acknowledged on the client.
 *
 * <h2>Assumptions and guarantees</h2>
 * <ul>
 *   <li>{@link #settle} may be called from any thread, at most once per delivered record (the
 *       delivery guards that); it never blocks.
 *   <li>{@link #delivered}, {@link #take} and {@link #unsettled} are called only from the poll
 *       thread.
 *   <li>{@link #unsettled} is the number of {@link #delivered} records whose settlement {@link
 *       #take} has not yet returned: a settlement counts only once the poll thread has it, so the
 *       count never drops below what the client still holds unacknowledged.
 *   <li>Settlements come out of {@link #take} in the order {@link #settle} was called.
 * </ul>
 *
 * @param <R> the record type ({@code ConsumerRecord} in use, anything in tests)
 */
final class ShareAcknowledgements<R> {
  /** What the harness decided for {@code record}. */
  record Settlement<R>(R record, AcknowledgeType type) {
    Settlement {
      if (record == null) throw new IllegalArgumentException("a settlement needs its record");
      if (type != AcknowledgeType.ACCEPT && type != AcknowledgeType.RELEASE && type != AcknowledgeType.REJECT) {
        throw new IllegalArgumentException("a settlement is ACCEPT, RELEASE or REJECT, was " + type);
      }
    }
  }

  private final LinkedBlockingQueue<Settlement<R>> settled = new LinkedBlockingQueue<>();
  private int unsettled;
  /** The harness's view: records handed out and not yet settled by it, whether or not the poll thread took the settlement. */
  private final UnsettledDeliveries heldByHarness = new UnsettledDeliveries();

  /** Poll thread: one more record was handed to the harness and awaits its settlement. */
  void delivered() {
    unsettled++;
    heldByHarness.handedOut();
  }

  /** Any thread: the harness settled {@code record} as {@code type}. */
  void settle(R record, AcknowledgeType type) {
    settled.add(new Settlement<>(record, type));
    heldByHarness.settled();
  }

  /** Any thread: the most records the harness held unsettled at once, exact (each is settled at most once). */
  int mostHeldByHarness() {
    return heldByHarness.most();
  }

  /**
   * Poll thread: every settlement queued so far, in order; when none is queued, waits up to {@code
   * timeoutNanos} (0 for not at all) for the first one and returns an empty list if none comes.
   */
  List<Settlement<R>> take(long timeoutNanos) throws InterruptedException {
    List<Settlement<R>> out = new ArrayList<>();
    Settlement<R> first = timeoutNanos <= 0 ? settled.poll() : settled.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    if (first == null) return out;
    out.add(first);
    settled.drainTo(out);
    unsettled -= out.size();
    return out;
  }

  /** Poll thread: delivered records whose settlement has not been taken yet. */
  int unsettled() {
    return unsettled;
  }
}
