package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.provision.RedisInstallation;
import io.brokerbench.testing.RealEnvironment;
import java.util.Optional;

/** The installed redis-server for *IT tests, or the test is skipped (failed under BROKERBENCH_REQUIRE_REAL=1). */
final class Servers {
  private Servers() {}

  static RedisInstallation installationOrSkip() {
    Optional<RedisInstallation> installation = RedisInstallation.find(null, System.getenv());
    RealEnvironment.assumeAvailable(installation.isPresent(), "no redis-server: " + RedisInstallation.requirement());
    return installation.get();
  }
}
