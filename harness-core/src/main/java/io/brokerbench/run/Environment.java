package io.brokerbench.run;

import io.brokerbench.results.EnvironmentRecord;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Describes the machine and the harness for results.json. */
public final class Environment {
  private Environment() {}

  /** The harness version, from the build. */
  public static String harnessVersion() {
    try (InputStream in = Environment.class.getResourceAsStream("/io/brokerbench/brokerbench.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The git commit of the working directory, or {@code unknown}. */
  public static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** The environment at start; {@code endedAt} filled in later with {@link #ended}. */
  public static EnvironmentRecord describe(Path resultsFolder, Instant startedAt) {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    long freeDisk = -1;
    try {
      Path existing = resultsFolder.toAbsolutePath();
      while (existing != null && !Files.exists(existing)) existing = existing.getParent();
      if (existing != null) freeDisk = Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      freeDisk = -1;
    }
    String jvm = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version");
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    return new EnvironmentRecord(harnessVersion(), gitCommit(), jvm, os, Runtime.getRuntime().availableProcessors(),
        memory, freeDisk, startedAt.toString(), null);
  }

  public static EnvironmentRecord ended(EnvironmentRecord e, Instant endedAt) {
    return new EnvironmentRecord(e.harnessVersion(), e.gitCommit(), e.jvm(), e.os(), e.cpus(), e.memoryBytes(),
        e.freeDiskBytes(), e.startedAt(), endedAt.toString());
  }
}
