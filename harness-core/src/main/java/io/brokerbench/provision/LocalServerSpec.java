package io.brokerbench.provision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What a private broker server is, for {@link LocalServer}: everything that is the adapter's own
 * (its executable and arguments, its configuration file, its readiness check, what it reports),
 * while the lifecycle is shared.
 *
 * @param name the server in messages, e.g. {@code nats-server bb-run-1a2b}; messages add {@code
 *     (127.0.0.1:<port>)}
 * @param port its client port on 127.0.0.1, 1 to 65535
 * @param command executable and arguments, run directly
 * @param directory where its files go (its working directory), inside the run's work directory
 * @param logFile where its stdout and stderr go; kept after the run
 * @param files files written before the first start (its configuration), path to content
 * @param dataDirectory created before the first start; deleted by {@link LocalServer#close()} unless
 *     kept
 * @param readiness how it shows it serves
 * @param startTimeout bound on becoming ready, at least 1 ms
 * @param stopTimeout bound on a graceful stop (SIGTERM) before SIGKILL, 0 to {@link
 *     ChildProcessSpec#MAX_STOP_TIMEOUT}
 * @param url where clients connect
 * @param description what to report about it ({@link ProvisionedBroker#describe()}), in order
 * @param readyLine the progress line once it is ready, given its pid
 */
public record LocalServerSpec(
    String name,
    int port,
    List<String> command,
    Path directory,
    Path logFile,
    Map<Path, String> files,
    Path dataDirectory,
    Readiness readiness,
    Duration startTimeout,
    Duration stopTimeout,
    String url,
    Map<String, String> description,
    LongFunction<String> readyLine) {

  public LocalServerSpec {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
    if (port < 1 || port > 65535) throw new IllegalArgumentException(name + ": port must be 1 to 65535, was " + port);
    command = List.copyOf(command);
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    description = Collections.unmodifiableMap(new LinkedHashMap<>(description));
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException(name + ": startTimeout must be positive, was " + startTimeout);
    }
  }

  /** The server with its address, as every message names it: {@code <name> (127.0.0.1:<port>)}. */
  public String title() {
    return name + " (127.0.0.1:" + port + ")";
  }
}
