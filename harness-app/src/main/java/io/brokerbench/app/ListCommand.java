package io.brokerbench.app;

import io.brokerbench.run.TargetCatalog;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.TargetProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the targets with their settings (default, meaning and the values each accepts), and the workload and scenario files.")
final class ListCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dir", defaultValue = ".", description = "Project folder holding workloads/ and scenarios/ (default: current).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("list: --dir " + dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
      return ExitCodes.INVALID_INPUT;
    }
    out.println("Targets:");
    for (TargetProvider p : TargetCatalog.fromClasspath().all()) {
      out.printf("  %-14s %s%n", p.name(), p.description());
      for (SettingSpec s : p.settings()) {
        out.printf("      %-24s default %-12s %s%n", s.name(), s.defaultValue() == null ? "-" : s.defaultValue(), s.description());
        out.printf("      %-24s accepts %s%n", "", s.accepts());
      }
    }
    for (String folder : new String[] {"workloads", "scenarios"}) {
      Path d = dir.resolve(folder);
      if (!Files.isDirectory(d)) continue;
      out.println(Character.toUpperCase(folder.charAt(0)) + folder.substring(1) + ":");
      try (Stream<Path> files = Files.walk(d)) {
        files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
            .forEach(f -> out.println("  " + dir.relativize(f)));
      }
    }
    return ExitCodes.OK;
  }
}
