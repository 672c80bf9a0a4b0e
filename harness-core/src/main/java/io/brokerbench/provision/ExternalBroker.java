package io.brokerbench.provision;

import io.brokerbench.spi.TargetMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server someone else runs: the harness only connects to it, and never starts or stops it.
 * Immutable.
 */
public final class ExternalBroker implements ProvisionedBroker {
  private final ExternalEndpoint endpoint;
  private final Map<String, String> description;

  /**
   * @param addressKey the reported setting that holds the redacted address, e.g. {@code external.url}
   * @param sourceKey the reported setting that says where the address came from, e.g. {@code
   *     external.source}
   */
  public ExternalBroker(ExternalEndpoint endpoint, String addressKey, String sourceKey) {
    this.endpoint = endpoint;
    Map<String, String> out = new LinkedHashMap<>();
    out.put(addressKey, endpoint.redacted());
    out.put(sourceKey, endpoint.source());
    this.description = java.util.Collections.unmodifiableMap(out);
  }

  @Override
  public String url() {
    return endpoint.url();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.EXTERNAL;
  }

  @Override
  public Map<String, String> describe() {
    return description;
  }

  /** Nothing to stop: not ours. */
  @Override
  public void close() {}
}
