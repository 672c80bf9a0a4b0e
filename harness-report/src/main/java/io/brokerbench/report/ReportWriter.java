package io.brokerbench.report;

import io.brokerbench.results.InvalidResultsException;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes {@code report.html} into a results folder, from its {@code results.json} alone.
 *
 * <p>The page is self-contained: styles, the uPlot charting library and the chart data are inlined,
 * so it opens from disk with no network. Its tables carry every figure and read without JavaScript;
 * each figure cell names its source in results.json ({@code data-metric}) and holds its exact value
 * ({@code data-value}).
 *
 * <p>Stateless and thread-safe; two writers on the same folder leave one complete report.
 */
public final class ReportWriter {
  /** The report's file name inside a results folder. */
  public static final String FILE_NAME = "report.html";

  private ReportWriter() {}

  /**
   * Reads {@code resultsFolder/results.json} and writes {@code resultsFolder/report.html}
   * atomically (temporary sibling, forced, renamed), replacing an earlier report.
   *
   * @return the report's path
   * @throws InvalidResultsException when results.json is missing, unreadable, not valid JSON or of
   *     another schema version; nothing is written then
   * @throws IOException when the report cannot be written
   */
  public static Path write(Path resultsFolder) throws InvalidResultsException, IOException {
    ResultsDocument document = ResultsJson.read(resultsFolder);
    String html = render(document);
    Path report = resultsFolder.resolve(FILE_NAME);
    ResultsJson.writeAtomically(report, html.getBytes(StandardCharsets.UTF_8));
    return report;
  }

  /** The report of {@code document} as HTML text. */
  static String render(ResultsDocument document) {
    return Pages.render("report.jte", ReportModel.page(document));
  }
}
