package io.brokerbench.run;

/**
 * Points in the threads a run owns where tests inject failures, to check that any exception or
 * {@link Error} there fails that run only, with its reason. Production runs use {@link #NONE}.
 *
 * <p>Each method is called on the thread named: producers before each send, a consumer's delivery
 * thread before the harness records a delivery, the sampler before each tick.
 */
public interface RunHooks {
  /** Does nothing. */
  RunHooks NONE = new RunHooks() {};

  /** On producer {@code producer}'s thread, before it sends its message {@code index} (0-based). */
  default void beforeSend(int producer, long index) {}

  /** On a consumer's delivery thread, before the harness records a delivery to {@code subscription}. */
  default void beforeDelivery(int subscription) {}

  /** On the sampler's thread, before its tick {@code tick} (0-based, about once a second). */
  default void beforeSample(int tick) {}
}
