package io.brokerbench.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bench} command line. Exit codes: 0 every run ok, 1 some run failed (or, for
 * {@code compare --fail-on-worse}, a comparable figure got worse beyond the noise), 2 invalid input,
 * 130 interrupted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs messaging workloads against several targets and compares them.",
    subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, ReportCommand.class, CompareCommand.class})
public final class Main implements Runnable {
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
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    });
    cl.setParameterExceptionHandler((e, args2) -> {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return ExitCodes.INVALID_INPUT;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
