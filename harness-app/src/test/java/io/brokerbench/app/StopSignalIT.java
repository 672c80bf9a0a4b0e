package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.testing.RealEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) and SIGTERM on a run that is stuck: a producer waiting for a confirm that comes
 * in an hour, or a run against a private RabbitMQ node. The harness must exit within 10 s with 130
 * (143 for SIGTERM), having written an interrupted run, the report, and stopped every process it
 * started.
 */
class StopSignalIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{1} on {0}")
  @CsvSource({"synthetic, INT, 130", "synthetic, TERM, 143", "rabbitmq, INT, 130"})
  void aSignalStopsAStuckRunWritesItAndLeavesNoProcess(String target, String signal, int exitCode) throws Exception {
    Path jar = Path.of("target", "brokerbench.jar");
    RealEnvironment.assumeAvailable(Files.exists(jar), "the shaded jar " + jar.toAbsolutePath() + " (built by package)");
    RealEnvironment.assumeAvailable(!target.equals("rabbitmq") || Files.isDirectory(Path.of("/usr/lib/rabbitmq/lib")),
        "an installed rabbitmq-server package for a private node");
    String settings = target.equals("synthetic") ? "{confirm.delay: 1h}" : "{provision: local}";
    Path scenario = dir.resolve("stuck.yaml");
    Files.writeString(scenario, """
        name: stuck
        targets:
          - name: %s
            settings: %s
        workloads:
          - name: long
            topology: {destinations: 1, partitions: 1, routing: direct}
            producers: {count: 1, rate: 500/s, maxInFlight: 10}
            messages: {size: 100B, keys: 1}
            consumers: {subscriptions: 1, count: 1}
            warmup: 1s
            duration: 600s
        """.formatted(target, settings));
    Path out = dir.resolve("out");
    Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "run", scenario.toString(), "--out", out.toString())
        .redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
      String line;
      boolean producing = false;
      while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
        lines.add(line);
        if (line.contains(" measure ") || line.contains(" warmup ")) {
          producing = true;
          break;
        }
      }
      assertTrue(producing, target + " never started producing: " + lines);
      Thread.sleep(2000); // well into the run: the producer now waits on a confirm or a slot
      List<ProcessHandle> started = harness.toHandle().descendants().toList();
      new ProcessBuilder("kill", "-" + signal, Long.toString(harness.pid())).start().waitFor();
      long signalled = System.nanoTime();
      Thread drain = new Thread(() -> reader.lines().forEach(lines::add));
      drain.setDaemon(true);
      drain.start();
      boolean exited = harness.waitFor(10, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - signalled) / 1e9;
      assertTrue(exited, "the harness was still running 10 s after SIG" + signal + ": " + lines);
      assertEquals(exitCode, harness.exitValue(), () -> "exit code; output: " + lines);
      assertTrue(seconds < 10, "took " + seconds + " s");
      JsonNode results = ResultsJson.mapper().readTree(out.resolve("results.json").toFile());
      assertEquals("interrupted", results.get("runs").get(0).get("status").asText(), results.toString());
      assertTrue(Files.exists(out.resolve("report.html")), "report.html written after the signal");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < until && started.stream().anyMatch(ProcessHandle::isAlive)) Thread.sleep(200);
      List<String> left = started.stream().filter(ProcessHandle::isAlive)
          .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
      left.forEach(l -> ProcessHandle.of(Long.parseLong(l.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly));
      assertTrue(left.isEmpty(), "processes still alive after the signal: " + left);
    } finally {
      harness.destroyForcibly();
    }
  }
}
