package io.brokerbench.app;

import io.brokerbench.report.CompareReport;
import io.brokerbench.results.InvalidResultsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {
        "Writes a report of what changed between two results folders (A = before, B = after).",
        "It lists every difference in target settings and guarantees, workload definitions and environment first;"
            + " figures such a difference concerns are marked \"not comparable\" rather than judged better or worse.",
        "Settings a folder recorded under a name or value since renamed are read under the new one, so folders from"
            + " before a rename compare with folders after it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the comparison was written (with --fail-on-worse: and no comparable figure got worse beyond the noise)",
        "1:with --fail-on-worse, some comparable figure got worse beyond the noise; or the page could not be written",
        "2:invalid input: a folder has no readable results.json of a supported schema version (nothing written), "
            + "or A and B have no target × workload in common (nothing compared)"})
final class CompareCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The baseline results folder.")
  Path before;

  @Parameters(index = "1", paramLabel = "B", description = "The results folder to compare with it.")
  Path after;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: B/compare.html).")
  Path out;

  @Option(names = "--fail-on-worse",
      description = "Exit 1 when a comparable figure got worse beyond the noise (for CI). Figures marked not comparable never count.")
  boolean failOnWorse;

  @Override
  public Integer call() {
    Path target = out != null ? out : after.resolve("compare.html");
    PrintWriter stdout = spec.commandLine().getOut();
    CompareReport.Outcome outcome;
    try {
      outcome = CompareReport.write(before, after, target);
    } catch (InvalidResultsException e) {
      spec.commandLine().getErr().println(e.getMessage() + "; nothing written");
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      spec.commandLine().getErr().println("cannot write " + target + ": " + e.getMessage());
      return ExitCodes.FAILED;
    }
    stdout.println("compare: " + outcome.page());
    if (outcome.figures() == 0) {
      spec.commandLine().getErr().println("compare: " + before + " and " + after + " have no target × workload in common "
          + "(different scenarios?), so nothing was compared; the page lists what each holds");
      return ExitCodes.INVALID_INPUT;
    }
    if (!outcome.blockingDifferences().isEmpty()) {
      stdout.println(outcome.notComparable() + " figure(s) not comparable, because A and B differ in:");
      outcome.blockingDifferences().forEach(d -> stdout.println("  " + d));
    }
    stdout.println(outcome.worse().size() + " comparable figure(s) worse beyond the noise"
        + (outcome.worse().isEmpty() ? "" : ":"));
    outcome.worse().forEach(w -> stdout.println("  " + w));
    return failOnWorse && !outcome.worse().isEmpty() ? ExitCodes.WORSE : ExitCodes.OK;
  }
}
