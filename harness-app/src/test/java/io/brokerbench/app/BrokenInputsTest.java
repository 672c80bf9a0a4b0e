package io.brokerbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken inputs and hostile events through the real command line, in-process. Each case checks
 * three things: the exit code, the message, and that an earlier results folder is intact (every
 * file, byte for byte). Nothing here needs a broker.
 */
class BrokenInputsTest {
  @TempDir static Path root;
  static Path earlier;
  static Map<String, String> earlierFiles;

  static final String WORKLOAD = """
      name: tiny
      topology: {destinations: 1, partitions: 1, routing: direct}
      producers: {count: 1, rate: 1000/s}
      messages: {size: 100B}
      consumers: {subscriptions: 1, count: 1}
      duration: 300ms
      """;

  /** One case: what to run (given a fresh folder to write files into), the exit code and a piece of the message. */
  record Case(String name, Function<Path, String[]> args, int exit, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Outcome(int exit, String out, String err) {}

  static Outcome bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(exit, out.toString(), err.toString());
  }

  static Path write(Path dir, String name, String text) {
    try {
      Path f = dir.resolve(name);
      Files.createDirectories(f.getParent());
      Files.writeString(f, text);
      return f;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String scenario(String targets, String workload) {
    return "name: s\ntargets: " + targets + "\nworkloads:\n  - " + workload.strip().replace("\n", "\n    ") + "\n";
  }

  @BeforeAll
  static void runOnceForEarlierResults() throws Exception {
    Path s = write(root, "good.yaml", scenario("[loopback]", WORKLOAD));
    earlier = root.resolve("earlier");
    Outcome o = bench("run", s.toString(), "--out", earlier.toString());
    assertEquals(0, o.exit(), o.err());
    earlierFiles = fingerprint(earlier);
    assertTrue(earlierFiles.containsKey("results.json") && earlierFiles.containsKey("report.html"), earlierFiles.keySet().toString());
  }

  static Map<String, String> fingerprint(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(folder.relativize(f).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no command", d -> new String[] {}, 2, "a command is required"),
        new Case("unknown option", d -> new String[] {"run", "--nope", "x.yaml"}, 2, "Unknown option: '--nope'"),
        new Case("run help", d -> new String[] {"run", "--help"}, 0, "one repetition"),
        new Case("missing scenario file", d -> new String[] {"run", d.resolve("none.yaml").toString()}, 2, "file not found"),
        new Case("--out is the earlier results folder",
            d -> new String[] {"run", write(d, "s.yaml", scenario("[loopback]", WORKLOAD)).toString(), "--out", earlier.toString()},
            2, "is not empty"),
        new Case("--out is a file",
            d -> new String[] {"run", write(d, "s.yaml", scenario("[loopback]", WORKLOAD)).toString(), "--out",
                write(d, "afile.txt", "x").toString()}, 2, "is a file"),
        new Case("--out under a file",
            d -> new String[] {"run", write(d, "s.yaml", scenario("[loopback]", WORKLOAD)).toString(), "--out",
                write(d, "afile.txt", "x").resolve("sub").toString()}, 2, "is a file"),
        new Case("--targets names a target not in the scenario",
            d -> new String[] {"run", write(d, "s.yaml", scenario("[loopback]", WORKLOAD)).toString(), "--targets", "kafka"},
            2, "which the scenario does not list"),
        new Case("settings that contradict each other fail at load time, at the setting's line",
            d -> new String[] {"run", write(d, "s.yaml", scenario(
                "\n  - name: synthetic\n    settings:\n      stall.every: 10ms\n      stall.for: 20ms", WORKLOAD)).toString(),
                "--out", d.resolve("out").toString()},
            2, "s.yaml:6:7: target 'synthetic': stall.for must be shorter than stall.every"),
        new Case("a rate below one message per window",
            d -> new String[] {"validate", write(d, "w.yaml", WORKLOAD.replace("1000/s", "0.0000000001/s")).toString()},
            2, "fewer than one"),
        new Case("a duration over a week",
            d -> new String[] {"validate", write(d, "w.yaml", WORKLOAD.replace("300ms", "9000h")).toString()}, 2, "at most 7 days"),
        new Case("a 2047 MiB message",
            d -> new String[] {"validate", write(d, "w.yaml", WORKLOAD.replace("100B", "2047MiB")).toString()}, 2, "at most 256MiB"),
        new Case("a billion producers",
            d -> new String[] {"validate", write(d, "w.yaml", WORKLOAD.replace("count: 1, rate", "count: 1000000000, rate")).toString()},
            2, "at most 10,000"),
        new Case("deeply nested YAML",
            d -> new String[] {"validate", write(d, "deep.yaml", "name: x\nduration: " + "[".repeat(50_000)).toString()},
            2, "nested too deeply"),
        new Case("a device instead of a file", d -> new String[] {"validate", "/dev/zero"}, 2, "larger than 1048576 bytes"),
        new Case("a blank scenario name",
            d -> new String[] {"validate", write(d, "s.yaml", scenario("[loopback]", WORKLOAD).replace("name: s", "name: ''")).toString()},
            2, "name must not be blank"),
        new Case("list of a folder that does not exist", d -> new String[] {"list", "--dir", d.resolve("nowhere").toString()},
            2, "no such folder"),
        new Case("report of a folder without results", d -> new String[] {"report", d.toString()}, 2, "no results file"),
        new Case("report of results without runs",
            d -> new String[] {"report", write(d, "r/results.json", "{\"schemaVersion\": 2}").getParent().toString()},
            2, "no \"runs\" list"),
        new Case("report of results with an unknown status",
            d -> new String[] {"report", write(d, "r/results.json", "{\"schemaVersion\": 2, \"runs\": [{\"target\": \"t\", "
                + "\"workload\": \"w\", \"repetition\": 1, \"status\": \"great\"}]}").getParent().toString()},
            2, "is not one of ok, failed"),
        new Case("compare of two different scenarios",
            d -> {
              Path other = d.resolve("other");
              Outcome o = bench("run", write(d, "s2.yaml", scenario("[loopback]", WORKLOAD.replace("name: tiny", "name: other-workload"))
                  .replace("name: s\n", "name: s2\n")).toString(), "--out", other.toString());
              assertEquals(0, o.exit(), o.err());
              return new String[] {"compare", earlier.toString(), other.toString(), "--out", d.resolve("c.html").toString()};
            },
            2, "have no target × workload in common"),
        new Case("a target that cannot be reached fails its run only",
            d -> new String[] {"run", write(d, "s.yaml", scenario(
                "[{name: rabbitmq, settings: {provision: external, uri: 'amqp://guest:guest@127.0.0.1:1/'}}, loopback]", WORKLOAD))
                .toString(), "--out", d.resolve("out").toString()},
            1, "rabbitmq × tiny rep 1 failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsWithTheCodeSaysWhyAndLeavesEarlierResultsIntact(Case c, @TempDir Path dir) throws Exception {
    Outcome o = bench(c.args().apply(dir));
    assertEquals(c.exit(), o.exit(), () -> "exit code\nout: " + o.out() + "\nerr: " + o.err());
    assertTrue((o.out() + o.err()).contains(c.message()), () -> "message\nout: " + o.out() + "\nerr: " + o.err());
    assertFalse((o.out() + o.err()).contains("\tat "), "no stack trace reaches the user");
    assertFalse((o.out() + o.err()).contains("Exception"), () -> "no exception names reach the user: " + o.err());
    assertEquals(earlierFiles, fingerprint(earlier), "the earlier results folder is intact");
  }
}
