package io.brokerbench.report;

import io.brokerbench.results.InvalidResultsException;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an HTML page of what changed between two results folders A and B (normally the same
 * scenario: same targets and workloads). At the top it lists every difference besides the figures
 * (target settings and guarantees, workload definitions, environment, results schema); figures such
 * a difference concerns are marked not comparable. Each other figure is the mean over ok repetitions
 * with its 95% Student-t interval; a difference is marked when the intervals of A and B do not
 * overlap, and called unknown when a side has a single repetition. Targets or workloads present on
 * one side only are listed, not compared. Self-contained, no JavaScript needed. Stateless and
 * thread-safe.
 */
public final class CompareReport {
  private CompareReport() {}

  /**
   * What a comparison found, for a command line to act on.
   *
   * @param page the page written
   * @param worse each comparable figure that got worse beyond the noise, one line each
   *     ("workload · target · figure: A → B (change)")
   * @param blockingDifferences each difference that makes figures not comparable, one line each
   * @param notComparable how many figures are not comparable
   * @param figures how many figures A and B both hold (a target × workload both ran); 0 when they
   *     have nothing in common, such as two different scenarios
   */
  public record Outcome(Path page, List<String> worse, List<String> blockingDifferences, int notComparable, int figures) {
    public Outcome {
      worse = List.copyOf(worse);
      blockingDifferences = List.copyOf(blockingDifferences);
    }
  }

  /**
   * Reads both results.json files and writes the comparison to {@code outHtml} atomically
   * (temporary sibling, forced, renamed); its parent folder is created if missing.
   *
   * @throws InvalidResultsException when either results.json is missing, unreadable, not valid JSON
   *     or of an unsupported schema version (the message names the file); nothing is written then
   * @throws IOException when the page cannot be written
   */
  public static Outcome write(Path folderA, Path folderB, Path outHtml) throws InvalidResultsException, IOException {
    ResultsDocument a = ResultsJson.read(folderA);
    ResultsDocument b = ResultsJson.read(folderB);
    ComparePage page = CompareModel.page(folderA, a, folderB, b);
    String html = Pages.render("compare.jte", page);
    Path parent = outHtml.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    ResultsJson.writeAtomically(outHtml, html.getBytes(StandardCharsets.UTF_8));
    List<CompareRow> rows = page.workloads().stream().flatMap(s -> s.rows().stream()).toList();
    List<String> worse = rows.stream().filter(r -> r.verdict() == Verdict.WORSE)
        .map(r -> r.workload() + " · " + r.target().label() + " · " + r.group() + " " + r.figure() + ": "
            + r.a().text() + " → " + r.b().text() + " (" + r.change() + ")")
        .toList();
    List<String> blocking = page.differences().stream().filter(Difference::blocking)
        .map(d -> d.kind() + " " + d.subject() + ": " + d.a() + " → " + d.b() + " (" + d.effect() + ")")
        .toList();
    int notComparable = (int) rows.stream().filter(r -> r.verdict() == Verdict.NOT_COMPARABLE).count();
    return new Outcome(outHtml, worse, blocking, notComparable, rows.size());
  }
}
