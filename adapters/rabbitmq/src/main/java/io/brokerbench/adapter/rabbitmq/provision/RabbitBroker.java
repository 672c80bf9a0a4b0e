package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.spi.TargetMode;
import java.util.List;
import java.util.Map;

/**
 * A RabbitMQ server made available for one run, however it was provisioned. Closing it stops what
 * the harness started (a private node, a container) and leaves an external server alone.
 */
public interface RabbitBroker extends AutoCloseable {

  /** Where clients connect, e.g. {@code amqp://guest:guest@127.0.0.1:41234/%2F}. */
  String amqpUri();

  /** How it is reached, for {@link io.brokerbench.spi.TargetInfo#mode()}. */
  TargetMode mode();

  /** OS pids the harness owns for this broker (the Erlang VM of a private node); empty otherwise. */
  default List<Long> processIds() {
    return List.of();
  }

  /**
   * What the provisioning derived, as settings to report (e.g. {@code local.node}, {@code
   * local.amqp-port}, {@code container.image}); values never contain credentials.
   */
  Map<String, String> describe();

  /** Stops what the harness started; idempotent; never throws. */
  @Override
  void close();
}
