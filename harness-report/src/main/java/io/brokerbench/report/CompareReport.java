package io.brokerbench.report;

import io.brokerbench.results.InvalidResultsException;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an HTML page of what changed between two results folders A and B (normally the same
 * scenario: same targets and workloads). Each figure is the mean over ok repetitions with its 95%
 * Student-t interval; a difference is marked when the intervals of A and B do not overlap, and
 * called unknown when a side has a single repetition. Targets or workloads present on one side only
 * are listed, not compared. Self-contained, no JavaScript needed. Stateless and thread-safe.
 */
public final class CompareReport {
  private CompareReport() {}

  /**
   * Reads both results.json files and writes the comparison to {@code outHtml} atomically
   * (temporary sibling, forced, renamed); its parent folder is created if missing.
   *
   * @return {@code outHtml}
   * @throws InvalidResultsException when either results.json is missing, unreadable, not valid JSON
   *     or of another schema version (the message names the file); nothing is written then
   * @throws IOException when the page cannot be written
   */
  public static Path write(Path folderA, Path folderB, Path outHtml) throws InvalidResultsException, IOException {
    ResultsDocument a = ResultsJson.read(folderA);
    ResultsDocument b = ResultsJson.read(folderB);
    String html = Pages.render("compare.jte", CompareModel.page(folderA, a, folderB, b));
    Path parent = outHtml.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    ResultsJson.writeAtomically(outHtml, html.getBytes(StandardCharsets.UTF_8));
    return outHtml;
  }
}
