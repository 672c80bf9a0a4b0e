package io.brokerbench.spi;

import io.brokerbench.plan.TopologyPlan;
import java.util.List;
import java.util.Optional;

/**
 * One messaging system under test, for one run (one target × workload × repetition).
 *
 * <p>Lifecycle, always in this order and from one harness thread: {@link #open()} →
 * {@link #supports} / {@link #declare} → any number of {@link #createProducer} and
 * {@link #createConsumer} → {@link #close()}. {@code close} is called exactly once, also when an
 * earlier step threw, and must release everything the target started (threads, files, child
 * processes) even after a partial {@code open}.
 *
 * <h2>What a target must guarantee</h2>
 * <ul>
 *   <li>A future returned by {@link TargetProducer#send} completes normally only once the system
 *       has taken responsibility for the message as its settings define it (publisher confirm, Kafka
 *       ack, engine confirm), and exceptionally when the system refused or lost it.
 *   <li>Every message a subscription's binding selects is delivered to one of that subscription's
 *       consumers, per the {@link TopologyPlan}: queue or partition {@code i} of a subscription only
 *       to consumer {@code i mod consumers}.
 *   <li>{@link Delivery#redelivered()} reports the system's own flag; the target never suppresses
 *       or invents redeliveries and never tells the harness what it did in any other way.
 * </ul>
 */
public interface Target extends AutoCloseable {

  /**
   * Provisions the system (starts it, or connects to it) and reports what it is.
   *
   * <p>{@code open} and {@link #declare} run on a thread of their own that the harness interrupts
   * when the user stops the run (Ctrl-C); they should then give up promptly. After a few seconds the
   * harness calls {@link #close()} whether or not they returned.
   *
   * @throws Exception when the system cannot be reached or started; the run ends as {@code failed}
   *     with the exception's message as the reason
   */
  TargetInfo open() throws Exception;

  /** Routings and features this target supports; callable before {@link #open()}. */
  Capabilities capabilities();

  /**
   * Why this target cannot run {@code plan}, or empty when it can. The default checks the routing
   * and required features against {@link #capabilities()}.
   */
  default Optional<String> supports(TopologyPlan plan) {
    return capabilities().unsupportedReason(plan);
  }

  /** Creates the destinations, queues, topics and bindings of {@code plan}. Idempotent per run. */
  void declare(TopologyPlan plan) throws Exception;

  /** A producer with index {@code producerIndex} (0-based, unique in the run). */
  TargetProducer createProducer(int producerIndex) throws Exception;

  /**
   * Starts consumer {@code spec.consumerIndex()} of subscription {@code spec.subscription()}; it
   * pushes deliveries to {@code listener} until it is closed.
   */
  TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) throws Exception;

  /**
   * Starts reporting the messages the system removes without delivering them (expired, over the
   * maximum length, past the delivery limit, rejected without requeue) to {@code listener}, once
   * per message and subscription; called after {@link #declare} and before any producer sends.
   * The returned handle stops the reporting; the harness closes it after the drain, before {@link
   * #close()}. A target whose settings never remove messages keeps the default, which reports
   * nothing.
   */
  default AutoCloseable watchRemovals(RemovalListener listener) throws Exception {
    return () -> {};
  }

  /**
   * OS process ids the target owns (a child broker), so the harness can sample their CPU and
   * memory; empty for embedded targets and external servers.
   */
  default List<Long> processIds() {
    return List.of();
  }

  /** Stops everything this target started. Idempotent; never throws for an already closed target. */
  @Override
  void close();
}
