package io.brokerbench.app;

import io.brokerbench.report.CompareReport;
import io.brokerbench.results.InvalidResultsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", description = "Writes a report of what changed between two results folders (A = before, B = after).")
final class CompareCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The baseline results folder.")
  Path before;

  @Parameters(index = "1", paramLabel = "B", description = "The results folder to compare with it.")
  Path after;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: B/compare.html).")
  Path out;

  @Override
  public Integer call() {
    Path target = out != null ? out : after.resolve("compare.html");
    try {
      Path written = CompareReport.write(before, after, target);
      spec.commandLine().getOut().println("compare: " + written);
      return ExitCodes.OK;
    } catch (InvalidResultsException e) {
      spec.commandLine().getErr().println(e.getMessage() + "; nothing written");
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      spec.commandLine().getErr().println("cannot write " + target + ": " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
