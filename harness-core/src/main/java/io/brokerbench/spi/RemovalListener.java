package io.brokerbench.spi;

/**
 * Receives the messages a target removed without delivering them ({@link RemovalReason}).
 *
 * <p>Threading: may be called from any thread, concurrently; the harness reads what it needs from
 * the payload before returning, so the array may be reused afterwards.
 */
@FunctionalInterface
public interface RemovalListener {

  /**
   * Message {@code payload} (as sent, envelope first) left subscription {@code subscription}
   * without a delivery that counts, for {@code reason}.
   *
   * @param subscription 0-based subscription of the topology plan whose queue removed it
   * @param payload the message bytes; only the first {@code length} are the message
   */
  void onRemoved(int subscription, byte[] payload, int length, RemovalReason reason);
}
