package io.brokerbench.provision;

import io.brokerbench.spi.TargetMode;
import java.util.List;
import java.util.Map;

/**
 * A broker made available for one run, however it was provisioned: a server process the harness
 * owns ({@link LocalServer}, or an adapter's own), a container ({@link ContainerBroker}) or a server
 * someone else runs ({@link ExternalBroker}). Closing it stops what the harness started and leaves
 * an external server alone.
 *
 * <p>Threading: used by the thread that runs the target; {@link #close()} may also come from the
 * JVM's shutdown path and must be safe to call twice.
 */
public interface ProvisionedBroker extends AutoCloseable {

  /**
   * Where clients connect, in the client's URL form, e.g. {@code nats://127.0.0.1:41234} or {@code
   * amqp://guest:guest@127.0.0.1:41234}; may hold credentials, so never report it unredacted.
   */
  String url();

  /** How it is reached, for {@link io.brokerbench.spi.TargetInfo#mode()}. */
  TargetMode mode();

  /** OS pids the harness owns for this broker (a private server's process); empty otherwise. */
  default List<Long> processIds() {
    return List.of();
  }

  /**
   * What the provisioning derived, as settings to report (e.g. {@code local.port}, {@code
   * container.image}), in a stable order; values never contain credentials.
   */
  Map<String, String> describe();

  /** Stops what the harness started; idempotent; never throws. */
  @Override
  void close();
}
