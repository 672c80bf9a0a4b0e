package io.brokerbench.adapter.redis.provision;

import io.brokerbench.spi.TargetMode;
import java.util.Map;

/** A Redis server someone else runs; the harness only connects, and never stops it. */
public final class ExternalRedis implements RedisBroker {
  private final ExternalAddress address;

  public ExternalRedis(ExternalAddress address) {
    this.address = address;
  }

  @Override
  public String url() {
    return address.url();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.EXTERNAL;
  }

  @Override
  public Map<String, String> describe() {
    return Map.of("external.url", address.redacted(), "external.source", address.source());
  }

  /** Nothing to stop. */
  @Override
  public void close() {}
}
