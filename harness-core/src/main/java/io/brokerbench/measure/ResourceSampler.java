package io.brokerbench.measure;

import io.brokerbench.results.ProcessResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and peak resident memory of the processes involved in a run (the harness JVM and any
 * process the target owns), and the growth of the target's data directory.
 *
 * <p>CPU comes from {@link ProcessHandle.Info#totalCpuDuration()} at start and end; resident memory
 * from {@code /proc/<pid>/status} (VmRSS), sampled by {@link #sample()} about once a second. Where
 * the OS does not expose a figure, it is reported as -1. Not thread-safe: one sampler thread.
 */
public final class ResourceSampler {
  private final Map<Long, String> roles = new LinkedHashMap<>();
  private final Map<Long, Duration> cpuAtStart = new LinkedHashMap<>();
  private final Map<Long, Long> peakRss = new LinkedHashMap<>();
  private final Path dataDirectory;
  private final long bytesAtStart;

  /**
   * @param targetPids processes the target owns
   * @param dataDirectory the target's directory, or null
   */
  public ResourceSampler(List<Long> targetPids, Path dataDirectory) {
    roles.put(ProcessHandle.current().pid(), "harness");
    for (long pid : targetPids) roles.putIfAbsent(pid, "target");
    for (long pid : roles.keySet()) {
      cpuAtStart.put(pid, cpu(pid));
      peakRss.put(pid, -1L);
    }
    this.dataDirectory = dataDirectory;
    this.bytesAtStart = dataDirectory == null ? -1 : directoryBytes(dataDirectory);
    sample();
  }

  /** Reads the resident memory of every process once. */
  public void sample() {
    for (long pid : roles.keySet()) {
      long rss = rssBytes(pid);
      if (rss > peakRss.get(pid)) peakRss.put(pid, rss);
    }
  }

  /** CPU seconds used since construction and peak RSS, per process; harness first. */
  public List<ProcessResources> processes() {
    sample();
    List<ProcessResources> out = new ArrayList<>();
    for (Map.Entry<Long, String> e : roles.entrySet()) {
      long pid = e.getKey();
      Duration start = cpuAtStart.get(pid);
      Duration end = cpu(pid);
      double cpuSeconds = start == null || end == null ? -1 : (end.toNanos() - start.toNanos()) / 1e9;
      out.add(new ProcessResources(e.getValue(), pid, cpuSeconds, peakRss.get(pid)));
    }
    return out;
  }

  /** Bytes the data directory grew by since construction, or -1 without one. */
  public long bytesWritten() {
    if (dataDirectory == null) return -1;
    return Math.max(0, directoryBytes(dataDirectory) - Math.max(0, bytesAtStart));
  }

  private static Duration cpu(long pid) {
    return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(null);
  }

  static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static long directoryBytes(Path dir) {
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
