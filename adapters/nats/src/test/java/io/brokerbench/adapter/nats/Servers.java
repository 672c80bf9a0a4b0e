package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.provision.NatsInstallation;
import io.brokerbench.testing.RealEnvironment;
import java.util.Optional;

/** The installed nats-server for *IT tests, or the test is skipped (failed under BROKERBENCH_REQUIRE_REAL=1). */
final class Servers {
  private Servers() {}

  static NatsInstallation installationOrSkip() {
    Optional<NatsInstallation> installation = NatsInstallation.find(null, System.getenv());
    RealEnvironment.assumeAvailable(installation.isPresent(), "no nats-server: " + NatsInstallation.requirement());
    return installation.get();
  }
}
