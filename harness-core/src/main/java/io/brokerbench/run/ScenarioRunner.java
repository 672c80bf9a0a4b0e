package io.brokerbench.run;

import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.PlannedRun;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.ScenarioRecord;
import io.brokerbench.scenario.Scenario;
import io.brokerbench.scenario.TargetRef;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs every target × workload × repetition of a scenario, interleaved so machine drift hits all
 * targets alike: repetition 1 of every workload on every target, then repetition 2, and so on.
 *
 * <p>results.json is rewritten atomically after every run, so a crash or Ctrl-C keeps what ran. A
 * run that fails or is unsupported never stops the others, whatever the failure; a stop request
 * marks the cut run {@code interrupted} and starts no further run. Each run's files are named after
 * its target label and workload, made safe for file names and unique ({@link FileNames}).
 */
public final class ScenarioRunner {
  private final TargetCatalog catalog;
  private final RunClock clock;
  private final ProgressListener progress;

  private final RunHooks hooks;

  public ScenarioRunner(TargetCatalog catalog, RunClock clock, ProgressListener progress) {
    this(catalog, clock, progress, RunHooks.NONE);
  }

  /** As above, with failure-injection points in every run, for tests. */
  public ScenarioRunner(TargetCatalog catalog, RunClock clock, ProgressListener progress, RunHooks hooks) {
    this.catalog = catalog;
    this.clock = clock;
    this.progress = progress;
    this.hooks = hooks;
  }

  /**
   * @param runId identifier of this harness run (names of queues and topics carry it)
   * @param outDir the results folder, created if missing
   * @param stopRequested polled during runs; true stops the scenario
   * @return the document as last written
   */
  public ResultsDocument run(Scenario scenario, String runId, Path outDir, BooleanSupplier stopRequested) throws IOException {
    Files.createDirectories(outDir);
    Instant startedAt = Instant.now();
    EnvironmentRecord environment = Environment.describe(outDir, startedAt);
    ScenarioRecord scenarioRecord = new ScenarioRecord(scenario.name(), scenario.description(), scenario.files());
    List<RunResult> results = new ArrayList<>();
    int total = scenario.repetitions() * scenario.workloads().size() * scenario.targets().size();
    FileNames labels = new FileNames(scenario.targets().stream().map(TargetRef::label).toList());
    FileNames workloadNames = new FileNames(scenario.workloads().stream().map(Workload::name).toList());
    int index = 0;
    List<PlannedRun> planned = new ArrayList<>();
    for (int rep = 1; rep <= scenario.repetitions(); rep++) {
      for (Workload workload : scenario.workloads()) {
        for (TargetRef ref : scenario.targets()) planned.add(new PlannedRun(ref.label(), workload.name(), rep));
      }
    }
    ResultsDocument document = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, runId, scenarioRecord, environment,
        results, planned);
    ResultsJson.write(outDir, document);
    outer:
    for (int rep = 1; rep <= scenario.repetitions(); rep++) {
      for (Workload workload : scenario.workloads()) {
        for (TargetRef ref : scenario.targets()) {
          if (stopRequested.getAsBoolean()) break outer;
          index++;
          progress.runStarted(ref.label(), workload.name(), rep, index, total);
          RunResult result = runOne(ref, workload, rep, runId + "-" + index, outDir, stopRequested,
              labels.of(ref.label()), workloadNames.of(workload.name()));
          results.add(result);
          progress.runFinished(result);
          document = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, runId, scenarioRecord,
              Environment.ended(environment, Instant.now()), results, planned);
          ResultsJson.write(outDir, document);
          if (result.status() == RunStatus.INTERRUPTED) break outer;
        }
      }
    }
    return document;
  }

  /** One run, whatever happens: a failure here (a folder that cannot be made, a target that cannot be created) fails it alone. */
  private RunResult runOne(TargetRef ref, Workload workload, int rep, String planId, Path outDir, BooleanSupplier stop,
      String labelFile, String workloadFile) {
    Instant startedAt = Instant.now();
    try {
      Path workDir = outDir.resolve("targets").resolve(labelFile).resolve(workloadFile + "-r" + rep);
      Files.createDirectories(workDir);
      Path histogramLog = outDir.resolve("histograms").resolve(labelFile).resolve(workloadFile + "-r" + rep + ".hlog");
      TargetProvider provider = catalog.find(ref.name())
          .orElseThrow(() -> new IllegalArgumentException("unknown target '" + ref.name() + "'"));
      Settings settings = Settings.of(provider.name(), provider.settings(), ref.settings());
      TargetContext context = new TargetContext(planId, workDir, clock::nanoTime,
          line -> progress.message(ref.label() + ": " + line));
      Target target = provider.create(context, settings);
      return new WorkloadRun(clock, progress, stop, hooks)
          .execute(new WorkloadRun.Spec(ref.label(), target, workload, rep, planId, workDir, histogramLog));
    } catch (Throwable e) {
      return RunResult.withoutFigures(ref.label(), null, workload.name(), rep, RunStatus.FAILED, WorkloadRun.describe(e),
          startedAt.toString(), Instant.now().toString());
    }
  }
}
