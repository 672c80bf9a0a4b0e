package io.brokerbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code scenarios/broken/} breaks one rule and states, in {@code # expect} lines
 * at its top, the problems the loader must report: {@code # expect [FILE] LINE:COLUMN words | more
 * words}, FILE being relative to the broken folder when the problem is in a referenced file. The
 * loader must report exactly those problems, no more.
 */
class BrokenFilesTest {
  static final Path BROKEN = Path.of("src/test/resources/scenarios/broken");
  private static final Pattern EXPECT = Pattern.compile("# expect (?:(\\S+\\.yaml) )?(\\d+):(\\d+) (.+)");

  record Expected(Path file, int line, int column, List<String> words) {
    boolean matches(Problem p) {
      return p.file().normalize().equals(file.normalize()) && p.line() == line && p.column() == column
          && words.stream().allMatch(p.message()::contains);
    }

    @Override
    public String toString() {
      return file + ":" + line + ":" + column + ": " + String.join(" … ", words);
    }
  }

  static Stream<Path> brokenFiles() throws IOException {
    try (Stream<Path> files = Files.list(BROKEN)) {
      return files.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("empty.yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void reportsExactlyTheExpectedProblems(Path file) throws IOException {
    List<Expected> expected = expectations(file);
    assertFalse(expected.isEmpty(), file + " has no '# expect' line");

    List<Problem> problems = TestTargets.loader().validate(file);

    String found = problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    for (Expected e : expected) {
      assertTrue(problems.stream().anyMatch(e::matches), "expected " + e + "\nfound:\n  " + found);
    }
    assertEquals(expected.size(), problems.size(), "unexpected extra problems:\n  " + found);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void loadingThrowsTheProblemsValidateReports(Path file) throws IOException {
    boolean isScenario = Files.readAllLines(file).stream()
        .anyMatch(l -> l.startsWith("targets:") || l.startsWith("workloads:") || l.startsWith("repetitions:"));
    ScenarioLoader loader = TestTargets.loader();
    List<Problem> validated = loader.validate(file);

    ScenarioException thrown = assertThrows(ScenarioException.class, () -> {
      if (isScenario) loader.load(file);
      else loader.loadWorkload(file);
    });

    assertEquals(validated.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList(),
        thrown.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList());
    assertEquals(thrown.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")),
        thrown.getMessage());
  }

  @Test
  void reportsAnEmptyFileAtItsFirstLine() {
    Path file = BROKEN.resolve("empty.yaml");
    List<Problem> problems = TestTargets.loader().validate(file);
    assertEquals(List.of(new Problem(file, 1, 1, "file is empty; expected a mapping of fields")), problems);
  }

  @Test
  void reportsAMissingScenarioFileWithItsResolvedPath() {
    Path file = BROKEN.resolve("does-not-exist.yaml");
    ScenarioException e = assertThrows(ScenarioException.class, () -> TestTargets.loader().load(file));
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().contains("file not found: " + file.toAbsolutePath().normalize()), e.getMessage());
  }

  @Test
  void saysSoWhenAWorkloadFileIsLoadedAsAScenarioAndTheReverse() {
    Path workload = BROKEN.resolve("parts/ok.yaml");
    ScenarioException asScenario = assertThrows(ScenarioException.class, () -> TestTargets.loader().load(workload));
    assertEquals(1, asScenario.problems().size(), asScenario.getMessage());
    assertTrue(asScenario.getMessage().contains("this is a workload file"), asScenario.getMessage());

    Path scenario = BROKEN.resolve("repetitions-zero.yaml");
    ScenarioException asWorkload = assertThrows(ScenarioException.class, () -> TestTargets.loader().loadWorkload(scenario));
    assertEquals(1, asWorkload.problems().size(), asWorkload.getMessage());
    assertTrue(asWorkload.getMessage().contains("this is a scenario file"), asWorkload.getMessage());
  }

  @Test
  void reportsAFolderGivenInPlaceOfAFile() {
    List<Problem> problems = TestTargets.loader().validate(BROKEN.resolve("parts"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).message().startsWith("is a folder, not a file"), problems.get(0).message());
  }

  private static List<Expected> expectations(Path file) throws IOException {
    List<Expected> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = EXPECT.matcher(line);
      if (!m.matches()) continue;
      Path in = m.group(1) == null ? file : BROKEN.resolve(m.group(1));
      List<String> words = Arrays.stream(m.group(4).split("\\|")).map(String::strip).toList();
      out.add(new Expected(in, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), words));
    }
    return out;
  }
}
