package io.brokerbench.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bench} command line. Exit codes: 0 every run ok, 1 some run failed (or, for
 * {@code compare --fail-on-worse}, a comparable figure got worse beyond the noise), 2 invalid input
 * (nothing started), 130 interrupted by Ctrl-C (SIGINT), 143 stopped by SIGTERM; in both the results
 * so far are written.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs messaging workloads against several targets and compares them.",
    footer = {"", "Exit codes: 0 every run ok, 1 some run failed (compare --fail-on-worse: a comparable figure got",
        "worse beyond the noise), 2 invalid input (nothing started), 130 interrupted by Ctrl-C, 143 stopped by",
        "SIGTERM (results so far are written in both)."},
    subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, ReportCommand.class, CompareCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line in-process and returns its exit code; for tests and {@link #main}. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      err.println("error: " + UserErrors.describe(e));
      return ExitCodes.FAILED;
    });
    cl.setParameterExceptionHandler((e, args2) -> {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return ExitCodes.INVALID_INPUT;
    });
    return cl.execute(args);
  }

  /** {@code bench} without a command: the usage, and invalid input. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("bench: a command is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INVALID_INPUT;
  }
}
