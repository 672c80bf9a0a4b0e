package io.brokerbench.adapter.nats;

import io.brokerbench.spi.TargetProvider;
import io.brokerbench.testing.NoServerLeftAfterRunContract;

/**
 * No nats-server is left after a run with a private server, completed or stopped midway (a nats-server
 * names its configuration file, in the run's directory, on its command line). A harness killed with
 * SIGKILL is {@code LocalNatsServerIT}'s watchdog test.
 */
class NoServerLeftAfterRunIT extends NoServerLeftAfterRunContract {
  @Override
  protected String targetName() {
    return "nats";
  }

  @Override
  protected TargetProvider provider() {
    return new NatsTargetProvider();
  }

  @Override
  protected void assumeServerInstalled() {
    Servers.installationOrSkip();
  }
}
