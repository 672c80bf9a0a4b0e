package io.brokerbench.adapter.redis;

import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.util.List;

/** Provider of target {@code redis}, found with {@link java.util.ServiceLoader}. */
public final class RedisTargetProvider implements TargetProvider {

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public String description() {
    return "A real Redis server's streams and consumer groups: in a container, a private local redis-server, or an external server.";
  }

  @Override
  public List<SettingSpec> settings() {
    return RedisSettings.specs();
  }

  /** @throws IllegalArgumentException when the settings combine values that cannot work */
  /** Parses the settings as {@link #create} does, which throws for contradicting ones. */
  @Override
  public void checkSettings(Settings settings) {
    RedisSettings.from(settings);
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new RedisTarget(context, settings, System.getenv());
  }
}
