package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.testing.RealEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILLs the harness JVM while a broker it started is running, and checks that every process it
 * started (the broker and its helpers) is gone a few seconds later: the watchdog's job, since no
 * shutdown hook runs after SIGKILL.
 */
class HarnessKillIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"rabbitmq", "kafka", "nats", "redis"})
  void noBrokerOutlivesAHarnessKilledMidRun(String target) throws Exception {
    Path jar = Path.of("target", "brokerbench.jar");
    RealEnvironment.assumeAvailable(Files.exists(jar), "the shaded jar " + jar.toAbsolutePath() + " (built by package)");
    RealEnvironment.assumeAvailable(!target.equals("rabbitmq") || Files.isDirectory(Path.of("/usr/lib/rabbitmq/lib")),
        "an installed rabbitmq-server package for a private node");
    RealEnvironment.assumeAvailable(!target.equals("nats") || Files.isExecutable(Path.of("/usr/sbin/nats-server")),
        "an installed nats-server package for a private server");
    RealEnvironment.assumeAvailable(!target.equals("redis") || Files.isExecutable(Path.of("/usr/bin/redis-server")),
        "an installed redis-server package for a private server");
    Path scenario = dir.resolve("kill.yaml");
    Files.writeString(scenario, """
        name: kill
        targets:
          - name: %s
            settings: {provision: local}
        workloads:
          - name: long
            topology: {destinations: 1, partitions: 1, routing: direct}
            producers: {count: 1, rate: 500/s}
            messages: {size: 100B, keys: 1}
            consumers: {subscriptions: 1, count: 1}
            warmup: 1s
            duration: 120s
        """.formatted(target));
    Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "run", scenario.toString(), "--out", dir.resolve("out").toString())
        .redirectErrorStream(true).start();
    try {
      boolean measuring = false;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
          if (line.contains(" measure ") || line.contains(" warmup ")) {
            measuring = true;
            break;
          }
        }
        assertTrue(measuring, target + " never started producing");
        List<ProcessHandle> started = harness.toHandle().descendants().toList();
        assertTrue(started.stream().anyMatch(ProcessHandle::isAlive), "the harness started no child process");
        harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
        harness.waitFor(10, TimeUnit.SECONDS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until && started.stream().anyMatch(ProcessHandle::isAlive)) Thread.sleep(200);
        List<String> left = started.stream().filter(ProcessHandle::isAlive)
            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        left.forEach(l -> ProcessHandle.of(Long.parseLong(l.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly));
        assertTrue(left.isEmpty(), "processes of the killed harness still alive: " + left);
      }
    } finally {
      harness.destroyForcibly();
    }
  }
}
