package io.brokerbench.app;

import io.brokerbench.report.ReportWriter;
import io.brokerbench.results.InvalidResultsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes report.html into a results folder, from its results.json alone.")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RESULTS_DIR", description = "A folder written by `run`.")
  Path folder;

  @Override
  public Integer call() {
    try {
      Path report = ReportWriter.write(folder);
      spec.commandLine().getOut().println("report: " + report);
      return ExitCodes.OK;
    } catch (InvalidResultsException e) {
      spec.commandLine().getErr().println(e.getMessage() + "; nothing written");
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      spec.commandLine().getErr().println("cannot write the report into " + folder + ": " + UserErrors.describe(e));
      return ExitCodes.FAILED;
    }
  }
}
