package io.brokerbench.adapter.rabbitmq.provision;

import io.brokerbench.provision.ChildProcess;
import io.brokerbench.provision.ChildProcessSpec;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.TcpProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Erlang port mapper a private node registers with.
 *
 * <p>When an epmd already answers on 127.0.0.1:4369 (a system node runs, as on a Debian machine with
 * rabbitmq-server installed) it is shared and never stopped. Otherwise the harness starts its own
 * epmd in the foreground on a free loopback port, as a {@link ChildProcess} (so the watchdog covers
 * it), points the node and the CLI at it with {@code ERL_EPMD_PORT}, and stops it with the node.
 * The node itself would otherwise start {@code epmd -daemon}, which escapes the harness.
 */
final class PrivateEpmd implements AutoCloseable {
  static final int DEFAULT_PORT = 4369;

  private final ChildProcess process;
  private final int port;

  private PrivateEpmd(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Shares the running epmd, or starts a private one logging to {@code logFile}. */
  static PrivateEpmd shareOrStart(Path logFile, Duration timeout) throws IOException, InterruptedException {
    if (TcpProbe.acceptsOnLoopback(DEFAULT_PORT, 300)) return new PrivateEpmd(null, 0);
    return startPrivate(logFile, timeout);
  }

  /** Starts a private epmd on a free loopback port, whether or not one runs on 4369. */
  static PrivateEpmd startPrivate(Path logFile, Duration timeout) throws IOException, InterruptedException {
    int port = FreePorts.allocate();
    ChildProcess epmd = ChildProcess.start(ChildProcessSpec.of("epmd :" + port,
        List.of("epmd", "-address", "127.0.0.1", "-port", Integer.toString(port)), logFile)
        .withStopTimeout(Duration.ofSeconds(2)));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!TcpProbe.acceptsOnLoopback(port, 200)) {
      if (!epmd.isAlive() || System.nanoTime() > deadline) {
        epmd.stop();
        throw new IOException("epmd did not start listening on 127.0.0.1:" + port + "; its log " + logFile
            + " ends with: " + epmd.logTail(10));
      }
      Thread.sleep(50);
    }
    return new PrivateEpmd(epmd, port);
  }

  /** The private epmd's port, or 0 when the running one on 4369 is shared. */
  int port() {
    return port;
  }

  /** Pid of the private epmd, or -1 when shared. */
  long pid() {
    return process == null ? -1 : process.pid();
  }

  boolean owned() {
    return process != null;
  }

  @Override
  public void close() {
    if (process != null) process.stop();
  }
}
