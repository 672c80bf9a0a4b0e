package io.brokerbench.benchmarks.queue;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM process, in nanoseconds, or -1 where the platform does not report it. */
final class ProcessCpu {
  private ProcessCpu() {}

  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
