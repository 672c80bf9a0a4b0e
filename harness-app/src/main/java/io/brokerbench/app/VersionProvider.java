package io.brokerbench.app;

import io.brokerbench.run.Environment;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"brokerbench " + Environment.harnessVersion()};
  }
}
