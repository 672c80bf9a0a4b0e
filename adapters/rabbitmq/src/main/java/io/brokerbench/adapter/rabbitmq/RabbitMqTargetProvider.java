package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provider of target {@code rabbitmq}, found with {@link java.util.ServiceLoader}. */
public final class RabbitMqTargetProvider implements TargetProvider {

  @Override
  public String name() {
    return "rabbitmq";
  }

  @Override
  public String description() {
    return "A real RabbitMQ over AMQP 0-9-1: in a container, a private local node, or an external server.";
  }

  @Override
  public List<SettingSpec> settings() {
    return RabbitMqSettings.specs();
  }

  /** @throws IllegalArgumentException when the settings combine values RabbitMQ refuses */
  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    RabbitMqSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new RabbitMqTarget(context, settings, System.getenv());
  }
}
