package io.brokerbench.adapter.nats;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provider of target {@code nats}, found with {@link java.util.ServiceLoader}. */
public final class NatsTargetProvider implements TargetProvider {

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public String description() {
    return "A real NATS JetStream server: in a container, a private local nats-server, or an external server.";
  }

  @Override
  public List<SettingSpec> settings() {
    return NatsSettings.specs();
  }

  /** @throws IllegalArgumentException when the settings combine values that cannot work */
  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    NatsSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new NatsTarget(context, settings, System.getenv());
  }
}
