package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.spi.TargetMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A RabbitMQ someone else runs; the harness connects to it and never starts or stops it. */
public final class ExternalRabbit implements RabbitBroker {
  private final ExternalAddress address;

  public ExternalRabbit(ExternalAddress address) {
    this.address = address;
  }

  @Override
  public String amqpUri() {
    return address.uri();
  }

  @Override
  public TargetMode mode() {
    return TargetMode.EXTERNAL;
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("external.uri", address.redacted());
    out.put("external.uri-source", address.source());
    return out;
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
