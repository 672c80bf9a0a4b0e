package io.brokerbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Stylesheets and scripts inlined into every page, read from the classpath at generation time: the
 * uPlot webjar (org.webjars.npm:uplot) and this module's own report.css and report.js. Inlining
 * them is what lets a report open from disk with no network.
 *
 * @param css the page's stylesheet
 * @param script the page's script (draws the charts from the chart JSON)
 * @param uplotCss uPlot's stylesheet
 * @param uplotJs uPlot itself (IIFE build, defines {@code uPlot})
 */
public record Assets(String css, String script, String uplotCss, String uplotJs) {
  public static final String UPLOT_VERSION = "1.6.30";
  private static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
  private static volatile Assets cached;

  /**
   * Reads the assets once per class loader.
   *
   * @throws UncheckedIOException when one is missing from the classpath (a packaging error)
   */
  static Assets load() {
    Assets a = cached;
    if (a == null) {
      a = new Assets(
          inlineSafe(read("io/brokerbench/report/report.css")),
          inlineSafe(read("io/brokerbench/report/report.js")),
          inlineSafe(read(UPLOT_DIST + "uPlot.min.css")),
          inlineSafe(read(UPLOT_DIST + "uPlot.iife.min.js")));
      cached = a;
    }
    return a;
  }

  private static String read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new UncheckedIOException(new IOException("missing on the classpath: " + resource));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Text placed inside a script or style element must not close it early. */
  private static String inlineSafe(String text) {
    return text.replace("</", "<\\/");
  }
}
