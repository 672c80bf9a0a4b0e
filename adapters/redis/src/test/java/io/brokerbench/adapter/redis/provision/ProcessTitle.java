package io.brokerbench.adapter.redis.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process calls itself in {@code /proc/<pid>/cmdline}. redis-server rewrites it to {@code
 * <executable> <address>:<port>} once it runs, dropping its arguments, so {@link ProcessHandle.Info}
 * shows neither the configuration file nor the port; tests recognise a server by this title.
 */
public final class ProcessTitle {
  private ProcessTitle() {}

  /** The title of {@code pid}, arguments separated by spaces; empty when the process is gone. */
  public static String of(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ').strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The title a private redis-server on 127.0.0.1:{@code port} gives itself ends with this. */
  public static String ofLocalServer(int port) {
    return "redis-server 127.0.0.1:" + port;
  }
}
