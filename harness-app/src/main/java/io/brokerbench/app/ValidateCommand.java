package io.brokerbench.app;

import io.brokerbench.run.TargetCatalog;
import io.brokerbench.scenario.Problem;
import io.brokerbench.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks scenario and workload files without running anything.")
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario or workload YAML files.")
  List<Path> files;

  @Override
  public Integer call() {
    ScenarioLoader loader = ScenarioLoader.of(TargetCatalog.fromClasspath().all());
    int bad = 0;
    for (Path file : files) {
      List<Problem> problems = loader.validate(file);
      if (problems.isEmpty()) {
        spec.commandLine().getOut().println("ok " + file);
      } else {
        bad++;
        problems.forEach(p -> spec.commandLine().getErr().println(p));
      }
    }
    return bad == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }
}
