package io.brokerbench.provision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start a {@link ChildProcess}.
 *
 * @param name short label for messages and thread names, e.g. {@code rabbitmq bb-1a2b@localhost}
 * @param command program and arguments, not empty; run directly, not through a shell
 * @param environment variables added to (or replacing those of) the harness's environment; a
 *     {@code null} value removes the variable
 * @param workingDirectory the child's working directory, or {@code null} for the harness's
 * @param logFile where the child's stdout and stderr go (appended); parent directories are created
 * @param stopTimeout how long {@link ChildProcess#stop()} waits after SIGTERM before SIGKILL, and how
 *     long the watchdog waits likewise; between 0 and 10 minutes
 * @param watchdog whether a companion process kills the child if the harness JVM disappears (on by
 *     default; off only to demonstrate what it prevents)
 */
public record ChildProcessSpec(
    String name,
    List<String> command,
    Map<String, String> environment,
    Path workingDirectory,
    Path logFile,
    Duration stopTimeout,
    boolean watchdog) {
  /** The longest a child may take to stop gracefully before it is killed. */
  public static final Duration MAX_STOP_TIMEOUT = Duration.ofMinutes(10);


  /** The stop timeout of {@link #of}. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);

  public ChildProcessSpec {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
    if (command == null || command.isEmpty()) throw new IllegalArgumentException(name + ": command must not be empty");
    command = List.copyOf(command);
    environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    if (logFile == null) throw new IllegalArgumentException(name + ": logFile must be set");
    if (stopTimeout == null || stopTimeout.isNegative() || stopTimeout.compareTo(MAX_STOP_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + ": stopTimeout must be between 0 and 10 minutes, was " + stopTimeout);
    }
  }

  /** A spec with no extra environment, the harness's working directory, the default stop timeout and a watchdog. */
  public static ChildProcessSpec of(String name, List<String> command, Path logFile) {
    return new ChildProcessSpec(name, command, Map.of(), null, logFile, DEFAULT_STOP_TIMEOUT, true);
  }

  public ChildProcessSpec withEnvironment(Map<String, String> environment) {
    return new ChildProcessSpec(name, command, environment, workingDirectory, logFile, stopTimeout, watchdog);
  }

  public ChildProcessSpec withWorkingDirectory(Path workingDirectory) {
    return new ChildProcessSpec(name, command, environment, workingDirectory, logFile, stopTimeout, watchdog);
  }

  public ChildProcessSpec withStopTimeout(Duration stopTimeout) {
    return new ChildProcessSpec(name, command, environment, workingDirectory, logFile, stopTimeout, watchdog);
  }

  public ChildProcessSpec withWatchdog(boolean watchdog) {
    return new ChildProcessSpec(name, command, environment, workingDirectory, logFile, stopTimeout, watchdog);
  }
}
