package io.brokerbench.adapter.redis.provision;

import io.brokerbench.spi.TargetMode;
import java.util.List;
import java.util.Map;

/**
 * A Redis server made available for one run, however it was provisioned. Closing it stops what the
 * harness started (a private server, a container) and leaves an external server alone.
 */
public interface RedisBroker extends AutoCloseable {

  /** Where clients connect, e.g. {@code redis://127.0.0.1:41234}; may hold credentials (external). */
  String url();

  /** How it is reached, for {@link io.brokerbench.spi.TargetInfo#mode()}. */
  TargetMode mode();

  /** OS pids the harness owns for this server (a private redis-server); empty otherwise. */
  default List<Long> processIds() {
    return List.of();
  }

  /**
   * What the provisioning derived, as settings to report (e.g. {@code local.port}, {@code
   * container.image}); values never contain credentials.
   */
  Map<String, String> describe();

  /** Stops what the harness started; idempotent; never throws. */
  @Override
  void close();
}
