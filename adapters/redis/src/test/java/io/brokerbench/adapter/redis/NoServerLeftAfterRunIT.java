package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.provision.ProcessTitle;
import io.brokerbench.spi.TargetProvider;
import io.brokerbench.testing.NoServerLeftAfterRunContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * No redis-server is left after a run with a private server, completed or stopped midway. A
 * redis-server rewrites its process title to {@code <executable> 127.0.0.1:<port>}, so it is also
 * recognised by that title. A harness killed with SIGKILL is {@code LocalRedisServerIT}'s watchdog
 * test and the app's {@code HarnessKillIT}.
 */
class NoServerLeftAfterRunIT extends NoServerLeftAfterRunContract {
  @Override
  protected String targetName() {
    return "redis";
  }

  @Override
  protected TargetProvider provider() {
    return new RedisTargetProvider();
  }

  @Override
  protected void assumeServerInstalled() {
    Servers.installationOrSkip();
  }

  @Override
  protected Predicate<ProcessHandle> otherServersOf(String runId, Path runDirectory) {
    String title = ProcessTitle.ofLocalServer(portOf(runDirectory));
    return process -> ProcessTitle.of(process.pid()).endsWith(title);
  }

  /** The port of the private server the run started, from the configuration it wrote in the run's directory. */
  private static int portOf(Path runDirectory) {
    try {
      for (String line : Files.readAllLines(runDirectory.resolve("redis-server/redis.conf"))) {
        if (line.startsWith("port ")) return Integer.parseInt(line.substring(5).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the run wrote no port into its redis.conf");
  }
}
