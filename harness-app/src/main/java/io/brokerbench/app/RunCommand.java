package io.brokerbench.app;

import io.brokerbench.report.ReportWriter;
import io.brokerbench.results.InvalidResultsException;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.run.ScenarioRunner;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.TargetCatalog;
import io.brokerbench.scenario.Scenario;
import io.brokerbench.scenario.ScenarioException;
import io.brokerbench.scenario.ScenarioLoader;
import io.brokerbench.scenario.TargetRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.brokerbench.run.FileNames;
import java.util.stream.Stream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs a scenario and writes results.json (and report.html) to a results folder.")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Results folder, new or empty (default: results/<scenario>-<timestamp>).")
  Path out;

  @Option(names = "--targets", split = ",", paramLabel = "a,b", description = "Run only these target labels of the scenario.")
  List<String> onlyTargets;

  @Option(names = "--quick",
      description = "Smoke run: one repetition, warm-up at most 1 s, measured window at most 3 s (or 20,000 messages), drain at most 10 s.")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    TargetCatalog catalog = TargetCatalog.fromClasspath();
    Scenario scenario;
    try {
      scenario = ScenarioLoader.of(catalog.all()).load(scenarioFile);
    } catch (ScenarioException e) {
      e.problems().forEach(err::println);
      return ExitCodes.INVALID_INPUT;
    }
    if (onlyTargets != null) {
      Set<String> known = new LinkedHashSet<>();
      scenario.targets().forEach(t -> known.add(t.label()));
      List<TargetRef> kept = new ArrayList<>();
      for (String name : onlyTargets) {
        if (!known.contains(name)) {
          err.println(scenarioFile + ": --targets names '" + name + "', which the scenario does not list (it lists: "
              + String.join(", ", known) + ")");
          return ExitCodes.INVALID_INPUT;
        }
      }
      for (TargetRef t : scenario.targets()) if (onlyTargets.contains(t.label())) kept.add(t);
      scenario = new Scenario(scenario.name(), scenario.description(), kept, scenario.workloads(), scenario.repetitions(),
          scenario.files());
    }
    if (quick) scenario = QuickMode.shorten(scenario);

    String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String runId = timestamp + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    Path folder = out != null ? out : Path.of("results", FileNames.safe(scenario.name()) + "-" + timestamp);
    String unusable = unusableResultsFolder(folder);
    if (unusable != null) {
      err.println("run: " + unusable);
      return ExitCodes.INVALID_INPUT;
    }

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bb-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
    ResultsDocument doc;
    try {
      err.println("brokerbench: " + scenario.name() + ", " + scenario.targets().size() + " target(s) × "
          + scenario.workloads().size() + " workload(s) × " + scenario.repetitions() + " repetition(s) → " + folder);
      doc = new ScenarioRunner(catalog, SystemRunClock.INSTANCE, progress).run(scenario, runId, folder, stop::get);
      progress.clear();
      SummaryTable.print(outWriter, doc);
      outWriter.println("results: " + folder.resolve("results.json"));
      try {
        outWriter.println("report:  " + ReportWriter.write(folder));
      } catch (InvalidResultsException | IOException | RuntimeException e) {
        err.println("the report could not be written (results.json is complete): " + e.getMessage());
      }
    } finally {
      finished.countDown();
      if (!stop.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // Already shutting down.
        }
      }
    }
    if (stop.get() || doc.runs().stream().anyMatch(r -> r.status() == RunStatus.INTERRUPTED)) return ExitCodes.INTERRUPTED;
    boolean anyFailed = doc.runs().stream().map(RunResult::status).anyMatch(s -> s == RunStatus.FAILED);
    return anyFailed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /**
   * Why {@code folder} cannot take this run's results, or null when it can: it must be new or an
   * empty folder, so that results of two runs never mix and nothing earlier is overwritten.
   */
  static String unusableResultsFolder(Path folder) {
    if (!Files.exists(folder)) {
      Path parent = folder.toAbsolutePath().getParent();
      while (parent != null && !Files.exists(parent)) parent = parent.getParent();
      if (parent != null && !Files.isDirectory(parent)) return folder + ": cannot be created, " + parent + " is a file";
      if (parent != null && !Files.isWritable(parent)) return folder + ": cannot be created, " + parent + " is not writable";
      return null;
    }
    if (!Files.isDirectory(folder)) return folder + ": is a file; the results need a new or empty folder";
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        return folder + ": is not empty (it may hold earlier results, which this run would mix with or overwrite); "
            + "give a new folder with --out, or leave --out out";
      }
    } catch (IOException e) {
      return folder + ": cannot be read: " + UserErrors.describe(e);
    }
    return null;
  }
}
